package org.guichet.identity;

import java.time.Instant;
import org.guichet.directory.AgentId;
import org.guichet.directory.AgentJournaled;
import org.jspecify.annotations.Nullable;

/**
 * An agent's password changed; every other session of theirs is to be closed.
 *
 * @param keptSession the handle of the session the change was made from, which stays open ({@code null}: none)
 */
public record PasswordChanged(
        AgentId agent,
        PasswordChangeReason reason,
        @Nullable String keptSession,
        Instant at) implements AgentJournaled {

    /** The agent sees it in "my activity". */
    @Override
    public boolean inMyActivity() {
        return true;
    }
}
