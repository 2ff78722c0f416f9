package org.guichet.leave;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.guichet.directory.AgentId;
import org.guichet.directory.AgentJournaled;

/** An agent asked for leave; it waits for {@code approver}. */
public record LeaveRequested(
        LeaveRequestId id,
        AgentId agent,
        LeaveType type,
        LocalDate start,
        LocalDate end,
        BigDecimal days,
        AgentId approver,
        Instant at)
        implements AgentJournaled {}
