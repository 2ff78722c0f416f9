package org.guichet.directory;

import org.guichet.platform.Journaled;
import org.jspecify.annotations.Nullable;

/** A journaled event about an agent: its {@code agent} component is who it is about. */
public interface AgentJournaled extends Journaled {

    @Nullable
    AgentId agent();

    @Override
    default @Nullable String about() {
        return agent() == null ? null : agent().soi();
    }
}
