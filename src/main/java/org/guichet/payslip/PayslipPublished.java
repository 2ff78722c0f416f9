package org.guichet.payslip;

import java.time.Instant;
import java.time.YearMonth;
import org.guichet.directory.AgentId;
import org.guichet.directory.AgentJournaled;

/** A payslip is available to its agent. */
public record PayslipPublished(PayslipId id, AgentId agent, YearMonth period, Instant at) implements AgentJournaled {}
