package org.guichet.audit.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.guichet.audit.Journal;
import org.guichet.audit.JournalEntry;
import org.guichet.audit.JournalVerification;
import org.guichet.audit.journal.JournalAnchors;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The journal's API for security officers: search, CSV export, verification of the chain, its anchors. */
@RestController
class AuditApiController {

    static final int PAGE = 100;

    private final Journal journal;
    private final JournalAnchors anchors;

    AuditApiController(Journal journal, JournalAnchors anchors) {
        this.journal = journal;
        this.anchors = anchors;
    }

    /** An anchor kept from before, to check against the journal as it is now. */
    record AnchorCheck(@Nullable String line) {}

    record AnchorResult(String line, JournalAnchors.Check result) {}

    /** Anchors the chain's head now (it is also done each night): the signed line to keep. */
    @PostMapping("/api/v1/audit/anchors")
    AnchorResult anchor() {
        var line = anchors.anchor();
        return new AnchorResult(line, JournalAnchors.Check.MATCHES);
    }

    /** Whether a kept anchor line still matches the journal (a rebuilt chain does not). */
    @PostMapping("/api/v1/audit/anchors/check")
    AnchorResult check(@RequestBody AnchorCheck command) {
        var line = command.line() == null ? "" : command.line();
        return new AnchorResult(line, anchors.check(line));
    }

    /** The newest entries found (100 a page); {@code before} is the {@code seq} of the last entry of the page before. */
    @GetMapping("/api/v1/audit")
    List<JournalEntry> search(
            @RequestParam(required = false) @Nullable String agent,
            @RequestParam(required = false) @Nullable String type,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String address,
            @RequestParam(required = false) @Nullable Long before) {
        return journal.search(JournalCriteria.parse(agent, type, from, to, address), before, PAGE);
    }

    /** Verifies the whole chain, or with {@code month} (2026-11) the entries appended that month. */
    @GetMapping("/api/v1/audit/verify")
    JournalVerification verify(@RequestParam(required = false) @Nullable String month) {
        var verified = JournalCriteria.month(month);
        return verified == null ? journal.verify() : journal.verify(verified);
    }

    @GetMapping({"/api/v1/audit/export.csv", "/security/journal/export.csv"})
    void export(
            @RequestParam(required = false) @Nullable String agent,
            @RequestParam(required = false) @Nullable String type,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String address,
            HttpServletResponse response)
            throws IOException {
        var query = JournalCriteria.parse(agent, type, from, to, address);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"journal.csv\"");
        response.setHeader("Cache-Control", "no-store");
        var out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        out.write('\uFEFF');
        journal.exportCsv(query, out);
        out.flush();
    }
}
