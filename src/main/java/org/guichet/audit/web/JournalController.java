package org.guichet.audit.web;

import org.guichet.audit.Journal;
import org.guichet.platform.GuichetException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The security officers' journal page: search, export, verification. */
@Controller
class JournalController {

    private final Journal journal;
    private final JournalLabels labels;

    JournalController(Journal journal, JournalLabels labels) {
        this.journal = journal;
        this.labels = labels;
    }

    @GetMapping("/security/journal")
    String showJournal(
            @RequestParam(required = false) @Nullable String agent,
            @RequestParam(required = false) @Nullable String type,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String address,
            @RequestParam(required = false) @Nullable Long before,
            java.util.Locale locale,
            Model model) {
        model.addAttribute("agent", agent);
        model.addAttribute("type", type);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("address", address);
        try {
            var entries = journal.search(
                    JournalCriteria.parse(agent, type, from, to, address), before, AuditApiController.PAGE);
            model.addAttribute("entries", entries);
            model.addAttribute("labels", labels.types(entries, locale));
            model.addAttribute("names", labels.people(entries));
            model.addAttribute(
                    "next",
                    entries.size() == AuditApiController.PAGE
                            ? entries.getLast().seq()
                            : null);
        } catch (GuichetException e) {
            model.addAttribute("entries", java.util.List.of());
            model.addAttribute("labels", java.util.Map.of());
            model.addAttribute("names", java.util.Map.of());
            model.addAttribute("refusal", e.errorCode().messageKey());
        }
        return "audit/journal";
    }

    @PostMapping("/security/journal/verify")
    String processVerification(
            @RequestParam(required = false) @Nullable String month,
            java.util.Locale locale,
            RedirectAttributes redirect) {
        try {
            var verified = JournalCriteria.month(month);
            redirect.addFlashAttribute("verification", verified == null ? journal.verify() : journal.verify(verified));
            if (verified != null) {
                redirect.addFlashAttribute(
                        "verifiedMonth",
                        verified.format(java.time.format.DateTimeFormatter.ofPattern("MMMM yyyy", locale)));
            }
        } catch (GuichetException e) {
            redirect.addFlashAttribute("verificationRefusal", e.errorCode().messageKey());
        }
        return "redirect:/security/journal";
    }
}
