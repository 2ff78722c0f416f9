package org.guichet.directory;

import org.guichet.platform.Journaled;

/** An agent was suspended, reinstated or left the administration. */
public record AgentStatusChanged(AgentId agent, AgentStatus from, AgentStatus to) implements Journaled {}
