package org.guichet.leave;

import java.time.Instant;
import java.time.LocalDate;
import org.guichet.directory.AgentId;
import org.guichet.directory.AgentJournaled;
import org.jspecify.annotations.Nullable;

/**
 * The agent cancelled a leave request before it started.
 *
 * @param manager who had approved it and must know, or {@code null} when it was still waiting
 */
public record LeaveRequestCancelled(
        LeaveRequestId id,
        AgentId agent,
        LeaveType type,
        LocalDate start,
        LocalDate end,
        @Nullable AgentId manager,
        Instant at)
        implements AgentJournaled {}
