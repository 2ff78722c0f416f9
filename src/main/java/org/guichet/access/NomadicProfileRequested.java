package org.guichet.access;

import java.time.Instant;
import java.time.LocalDate;
import org.guichet.directory.AgentId;
import org.guichet.directory.AgentJournaled;
import org.jspecify.annotations.Nullable;

/** An agent asked for remote access; the request waits for their manager. */
public record NomadicProfileRequested(
        AgentId agent,
        AgentId approver,
        String reason,
        @Nullable LocalDate endDate,
        Instant at) implements AgentJournaled {}
