package org.guichet.directory;

import org.guichet.platform.Journaled;

/** An agent entered the directory. */
public record AgentCreated(AgentId agent, String departmentCode) implements Journaled {}
