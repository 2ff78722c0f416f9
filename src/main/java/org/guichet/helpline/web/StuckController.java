package org.guichet.helpline.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.apache.commons.csv.CSVFormat;
import org.guichet.helpline.HelplineError;
import org.guichet.helpline.StuckReport;
import org.guichet.platform.DisplayZone;
import org.guichet.platform.GuichetException;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Where agents get stuck, for the security officers: the report of a period (the last seven days unless asked), per
 * day or per week, as charts each with its table, and as CSV.
 */
@Controller
@ConditionalOnWebApplication
class StuckController {

    private final StuckReport reports;
    private final Clock clock;

    StuckController(StuckReport reports, Clock clock) {
        this.reports = reports;
        this.clock = clock;
    }

    @GetMapping("/security/stuck")
    String showReport(
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(name = "by", required = false) @Nullable String grouping,
            HttpServletResponse response,
            Model model) {
        var today = DisplayZone.today(clock);
        model.addAttribute("from", from == null ? today.minusDays(6).toString() : from);
        model.addAttribute("to", to == null ? today.toString() : to);
        model.addAttribute("by", grouping == null ? "DAY" : grouping);
        model.addAttribute("categories", StuckReport.Category.values());
        try {
            model.addAttribute("report", report(from, to, grouping));
        } catch (GuichetException refused) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("refusal", refused.errorCode().messageKey());
        }
        return "helpline/stuck";
    }

    @GetMapping("/security/stuck.csv")
    @ResponseBody
    void export(
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(name = "by", required = false) @Nullable String grouping,
            HttpServletResponse response)
            throws IOException {
        var report = report(from, to, grouping);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(
                "Content-Disposition", "attachment; filename=\"stuck-" + report.from() + "-" + report.to() + ".csv\"");
        response.setHeader("Cache-Control", "no-store");
        var out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        out.write('\uFEFF');
        var csv = CSVFormat.Builder.create(CSVFormat.DEFAULT)
                .setDelimiter(';')
                .setHeader(
                        report.grouping() == StuckReport.Grouping.DAY ? "day" : "week",
                        "category",
                        "reason",
                        "channel",
                        "count")
                .get()
                .print(out);
        for (var row : report.rows()) {
            csv.printRecord(row.bucket(), row.category(), row.reason(), row.channel(), row.count());
        }
        csv.flush();
    }

    private StuckReport.Report report(@Nullable String from, @Nullable String to, @Nullable String grouping) {
        var today = DisplayZone.today(clock);
        try {
            var last = to == null || to.isBlank() ? today : LocalDate.parse(to);
            var first = from == null || from.isBlank() ? last.minusDays(6) : LocalDate.parse(from);
            var by = grouping == null || grouping.isBlank()
                    ? StuckReport.Grouping.DAY
                    : StuckReport.Grouping.valueOf(grouping);
            return reports.of(first, last, by);
        } catch (DateTimeParseException | IllegalArgumentException garbled) {
            throw new GuichetException(HelplineError.PERIOD_INVALID);
        }
    }
}
