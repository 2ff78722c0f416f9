package org.guichet.leave;

import java.time.Instant;
import java.time.LocalDate;
import org.guichet.directory.ActedJournaled;
import org.guichet.directory.AgentId;
import org.guichet.directory.AgentJournaled;
import org.jspecify.annotations.Nullable;

/** The manager approved or rejected a leave request. */
public record LeaveRequestDecided(
        LeaveRequestId id,
        AgentId agent,
        LeaveType type,
        LocalDate start,
        LocalDate end,
        boolean approved,
        AgentId by,
        @Nullable String comment,
        Instant at)
        implements AgentJournaled, ActedJournaled {}
