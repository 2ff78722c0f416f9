package org.guichet.request;

import java.time.Instant;
import org.guichet.directory.AgentId;
import org.guichet.directory.AgentJournaled;

/** An agent filed a request. */
public record RequestSubmitted(RequestId id, AgentId agent, String type, Instant at) implements AgentJournaled {}
