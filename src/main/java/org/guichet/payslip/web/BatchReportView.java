package org.guichet.payslip.web;

import java.util.List;
import java.util.Locale;
import org.guichet.payslip.BatchReport;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;

/** A publication report in the reader's language, for the page and the API alike. */
record BatchReportView(
        String kind,
        String fileName,
        int items,
        boolean published,
        @Nullable String batch,
        List<Problem> rejected) {

    /**
     * A wrong row or file.
     *
     * @param location the line of the CSV or the file's name in the ZIP
     * @param problem the {@link org.guichet.payslip.BatchProblem} code
     * @param message the sentence for a person
     */
    @io.swagger.v3.oas.annotations.media.Schema(name = "PayslipBatchProblem")
    record Problem(String location, @Nullable String soi, String problem, String message) {}

    static BatchReportView of(BatchReport report, MessageSource messages, Locale locale) {
        return new BatchReportView(
                report.kind().name(),
                report.fileName(),
                report.items(),
                report.published(),
                report.batch() == null ? null : report.batch().toString(),
                report.rejected().stream()
                        .map(rejection -> new Problem(
                                rejection.location(),
                                rejection.soi(),
                                rejection.problem().name(),
                                messages.getMessage(
                                        rejection.problem().messageKey(),
                                        rejection.arguments().toArray(),
                                        locale)))
                        .toList());
    }
}
