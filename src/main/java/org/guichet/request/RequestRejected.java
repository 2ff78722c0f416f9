package org.guichet.request;

import java.time.Instant;
import org.guichet.directory.ActedJournaled;
import org.guichet.directory.AgentId;
import org.guichet.directory.AgentJournaled;

/** A step of a request's route rejected it, with the reason: the request ends. */
public record RequestRejected(
        RequestId id, AgentId agent, String type, RequestSettings.Step step, AgentId by, String comment, Instant at)
        implements AgentJournaled, ActedJournaled {}
