package org.guichet.identity;

import java.time.Instant;
import org.guichet.directory.AgentId;
import org.guichet.directory.AgentJournaled;

/** The agent gave one of their factors a new name. */
public record FactorRenamed(AgentId agent, FactorType type, String previousName, String name, Instant at)
        implements AgentJournaled {}
