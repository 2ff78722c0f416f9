package org.guichet.identity.password;

import java.util.concurrent.Semaphore;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * At most so many hashes computed at once, the others waiting their turn in arrival order. A memory-hard hash is
 * fastest when each one has a core and the processor's caches to itself: eight 19 MiB Argon2id hashes sharing two
 * cores compute about a third fewer a second than two at a time, and every sign-in waits for all of them. With one
 * hash per core, a sign-in waits in a queue it can measure instead (Keycloak bounds its hashing the same way, with its
 * {@code cpu-cores} option).
 */
final class BoundedHashing implements PasswordEncoder {

    private final Semaphore turns;
    private final PasswordEncoder hashes;

    BoundedHashing(int permits, PasswordEncoder hashes) {
        this.turns = new Semaphore(permits, true);
        this.hashes = hashes;
    }

    @Override
    public @Nullable String encode(@Nullable CharSequence rawPassword) {
        turns.acquireUninterruptibly();
        try {
            return hashes.encode(rawPassword);
        } finally {
            turns.release();
        }
    }

    @Override
    public boolean matches(@Nullable CharSequence rawPassword, @Nullable String encodedPassword) {
        turns.acquireUninterruptibly();
        try {
            return hashes.matches(rawPassword, encodedPassword);
        } finally {
            turns.release();
        }
    }

    /** Reads the hash's prefix and parameters: no hash computed, no turn taken. */
    @Override
    public boolean upgradeEncoding(@Nullable String encodedPassword) {
        return hashes.upgradeEncoding(encodedPassword);
    }
}
