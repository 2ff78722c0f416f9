package org.guichet.leave;

import java.time.Instant;
import java.time.LocalDate;
import org.guichet.directory.AgentId;
import org.guichet.platform.Journaled;

/** HR entered an absence (sick leave) for an agent. */
public record AbsenceRecorded(
        LeaveRequestId id, AgentId agent, LeaveType type, LocalDate start, LocalDate end, AgentId by, Instant at)
        implements Journaled {}
