package org.guichet.directory;

import org.guichet.platform.Journaled;
import org.jspecify.annotations.Nullable;

/** A journaled event done by someone: its {@code by} component is who, or no one (Guichet itself) when empty. */
public interface ActedJournaled extends Journaled {

    @Nullable
    AgentId by();

    @Override
    default @Nullable String actor() {
        return by() == null ? null : by().soi();
    }
}
