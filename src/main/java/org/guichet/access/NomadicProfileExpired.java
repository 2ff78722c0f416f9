package org.guichet.access;

import java.time.Instant;
import org.guichet.directory.AgentId;
import org.guichet.directory.AgentJournaled;

/** A remote-access profile ended: its last day passed, or the manager did not confirm it. */
public record NomadicProfileExpired(AgentId agent, Instant at) implements AgentJournaled {}
