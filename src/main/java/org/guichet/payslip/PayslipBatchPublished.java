package org.guichet.payslip;

import java.time.Instant;
import java.util.UUID;
import org.guichet.directory.ActedJournaled;
import org.guichet.directory.AgentId;

/** HR published a batch of payslips. */
public record PayslipBatchPublished(
        UUID batch, PayslipBatch.Kind kind, String fileName, int payslips, AgentId by, Instant at)
        implements ActedJournaled {}
