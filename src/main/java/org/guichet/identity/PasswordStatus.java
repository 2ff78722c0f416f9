package org.guichet.identity;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Where an agent's password stands.
 *
 * @param mustChange the initial password of a new agent, or one set by the helpdesk: to be replaced at sign-in
 * @param expiresAt when it expires ({@code null}: never, as for most agents)
 * @param expired whether it has
 * @param warn whether to remind the agent that it expires soon
 */
public record PasswordStatus(boolean mustChange, @Nullable Instant expiresAt, boolean expired, boolean warn) {

    /** Whether the agent must choose a new password before anything else. */
    public boolean changeRequired() {
        return mustChange || expired;
    }
}
