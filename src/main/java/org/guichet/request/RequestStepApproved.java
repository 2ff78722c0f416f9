package org.guichet.request;

import java.time.Instant;
import org.guichet.directory.ActedJournaled;
import org.guichet.directory.AgentId;
import org.guichet.directory.AgentJournaled;
import org.jspecify.annotations.Nullable;

/** A step of a request's route approved it (the manager, or HR). */
public record RequestStepApproved(
        RequestId id,
        AgentId agent,
        String type,
        RequestSettings.Step step,
        AgentId by,
        @Nullable String comment,
        Instant at)
        implements AgentJournaled, ActedJournaled {}
