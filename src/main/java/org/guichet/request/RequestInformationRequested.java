package org.guichet.request;

import java.time.Instant;
import org.guichet.directory.ActedJournaled;
import org.guichet.directory.AgentId;
import org.guichet.directory.AgentJournaled;

/** Whoever decides a request's step sent it back to its agent: more information needed, as the comment says. */
public record RequestInformationRequested(
        RequestId id, AgentId agent, String type, AgentId by, String comment, Instant at)
        implements AgentJournaled, ActedJournaled {}
