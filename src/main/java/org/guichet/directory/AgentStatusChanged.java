package org.guichet.directory;

/** An agent was suspended, reinstated or left the administration. */
public record AgentStatusChanged(AgentId agent, AgentStatus from, AgentStatus to) implements AgentJournaled {}
