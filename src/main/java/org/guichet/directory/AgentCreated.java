package org.guichet.directory;

/** An agent entered the directory, from this source. */
public record AgentCreated(AgentId agent, String departmentCode, ChangeSource source) implements AgentJournaled {}
