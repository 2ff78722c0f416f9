package org.guichet.directory;

import org.jspecify.annotations.Nullable;

/** An agent changed department or manager: rights that were granted by the former ones may no longer hold. */
public record AgentTransferred(
        AgentId agent,
        String fromDepartment,
        String toDepartment,
        @Nullable AgentId fromManager,
        @Nullable AgentId toManager)
        implements AgentJournaled {}
