package org.guichet.request;

import java.time.Instant;
import org.guichet.directory.AgentId;
import org.guichet.directory.AgentJournaled;

/** The agent withdrew a request before its last decision. */
public record RequestCancelled(RequestId id, AgentId agent, String type, Instant at) implements AgentJournaled {}
