package org.guichet.request;

import java.time.Instant;
import org.guichet.directory.AgentId;
import org.guichet.directory.AgentJournaled;

/** A request reached HR's queue. */
public record RequestAwaitingHr(RequestId id, AgentId agent, String type, Instant at) implements AgentJournaled {}
