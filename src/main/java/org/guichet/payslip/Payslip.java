package org.guichet.payslip;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import org.guichet.directory.AgentId;
import org.jspecify.annotations.Nullable;

/**
 * A published payslip.
 *
 * @param netPay the net pay ("net à payer"); unknown for payslips published as PDFs without payroll lines
 * @param size the PDF's size in bytes
 */
public record Payslip(
        PayslipId id,
        AgentId agent,
        YearMonth period,
        @Nullable BigDecimal netPay,
        Instant publishedAt,
        int size) {

    /** The name a download is saved under: {@code bulletin-de-paie-2026-10.pdf}. */
    public String fileName() {
        return "bulletin-de-paie-" + period + ".pdf";
    }
}
