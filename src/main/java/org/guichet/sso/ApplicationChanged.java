package org.guichet.sso;

import java.time.Instant;
import org.guichet.directory.ActedJournaled;
import org.guichet.directory.AgentId;
import org.jspecify.annotations.Nullable;

/**
 * An administrator registered, changed, disabled, enabled or deleted an application, or gave it a new secret.
 *
 * @param by who; none for Guichet itself (the demo's applications)
 */
public record ApplicationChanged(
        String clientId, Change change, @Nullable AgentId by, Instant at) implements ActedJournaled {

    public enum Change {
        REGISTERED,
        CHANGED,
        DISABLED,
        ENABLED,
        NEW_SECRET,
        DELETED
    }
}
