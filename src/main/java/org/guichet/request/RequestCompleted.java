package org.guichet.request;

import java.time.Instant;
import org.guichet.directory.AgentId;
import org.guichet.directory.AgentJournaled;

/** A request is complete: approved by every step, and what it produces is produced. */
public record RequestCompleted(RequestId id, AgentId agent, String type, Instant at) implements AgentJournaled {}
