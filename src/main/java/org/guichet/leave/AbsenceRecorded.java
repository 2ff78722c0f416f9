package org.guichet.leave;

import java.time.Instant;
import java.time.LocalDate;
import org.guichet.directory.ActedJournaled;
import org.guichet.directory.AgentId;
import org.guichet.directory.AgentJournaled;

/** HR entered an absence (sick leave) for an agent. */
public record AbsenceRecorded(
        LeaveRequestId id, AgentId agent, LeaveType type, LocalDate start, LocalDate end, AgentId by, Instant at)
        implements AgentJournaled, ActedJournaled {}
