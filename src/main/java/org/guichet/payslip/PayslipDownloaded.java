package org.guichet.payslip;

import java.time.Instant;
import java.time.YearMonth;
import org.guichet.directory.AgentId;
import org.guichet.directory.AgentJournaled;

/** An agent opened or downloaded one of their payslips. */
public record PayslipDownloaded(PayslipId id, AgentId agent, YearMonth period, Instant at) implements AgentJournaled {}
