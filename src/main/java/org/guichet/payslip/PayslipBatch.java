package org.guichet.payslip;

import java.time.Instant;
import java.util.UUID;
import org.guichet.directory.AgentId;
import org.jspecify.annotations.Nullable;

/** A published batch, as the HR back office lists them. */
public record PayslipBatch(
        UUID id,
        Kind kind,
        @Nullable String fileName,
        @Nullable AgentId publishedBy,
        Instant publishedAt,
        int payslips) {

    public enum Kind {
        /** PDFs named {@code <soi>_<YYYY-MM>.pdf} in a ZIP file. */
        ZIP,
        /** Payroll lines that Guichet rendered into PDFs. */
        CSV,
        /** Generated for the demo accounts. */
        DEMO
    }
}
