package org.guichet.payslip;

import java.time.Instant;
import java.time.YearMonth;
import org.guichet.directory.ActedJournaled;
import org.guichet.directory.AgentId;
import org.guichet.directory.AgentJournaled;

/** Someone in HR opened an agent's payslip, for the reason they gave. */
public record PayslipOpenedByHr(PayslipId id, AgentId agent, YearMonth period, AgentId by, String reason, Instant at)
        implements AgentJournaled, ActedJournaled {}
