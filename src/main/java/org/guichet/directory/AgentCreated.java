package org.guichet.directory;

/** An agent entered the directory. */
public record AgentCreated(AgentId agent, String departmentCode) implements AgentJournaled {}
