package org.guichet.sso.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.guichet.testing.MutableClock;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** A client secret verified once, then remembered a while; a wrong one, or one whose hash changed, never. */
class VerifiedClientSecretsTests {

    /** The real encoder, counting how often it is asked. */
    private static final class Counting implements PasswordEncoder {

        final PasswordEncoder encoder = new BCryptPasswordEncoder(4);
        final AtomicInteger verifications = new AtomicInteger();

        @Override
        public @Nullable String encode(@Nullable CharSequence raw) {
            return encoder.encode(raw);
        }

        @Override
        public boolean matches(@Nullable CharSequence raw, @Nullable String encoded) {
            verifications.incrementAndGet();
            return encoder.matches(raw, encoded);
        }
    }

    private final Counting counting = new Counting();
    private final MutableClock clock = new MutableClock();
    private final VerifiedClientSecrets secrets = new VerifiedClientSecrets(counting, Duration.ofMinutes(5), clock);

    @Test
    void secretWhenRightThenVerifiedOnceAndRememberedFiveMinutes() {
        var stored = secrets.encode("le-secret-du-serveur-de-messagerie");

        for (int i = 0; i < 10; i++) {
            assertThat(secrets.matches("le-secret-du-serveur-de-messagerie", stored))
                    .isTrue();
        }
        assertThat(counting.verifications).hasValue(1);

        clock.advance(Duration.ofMinutes(6));
        assertThat(secrets.matches("le-secret-du-serveur-de-messagerie", stored))
                .isTrue();
        assertThat(counting.verifications).hasValue(2);
    }

    @Test
    void secretWhenWrongOrItsHashChangedThenVerifiedEveryTime() {
        var stored = secrets.encode("le-secret");
        assertThat(secrets.matches("le-secret", stored)).isTrue();

        assertThat(secrets.matches("un-autre", stored)).isFalse();
        assertThat(secrets.matches("un-autre", stored)).isFalse();
        // the secret given a new hash (changed by the administrator, even to the same value): verified afresh
        var again = secrets.encode("le-secret");
        assertThat(secrets.matches("le-secret", again)).isTrue();
        // a secret changed: the old one no longer matches the new hash
        var changed = secrets.encode("le-nouveau-secret");
        assertThat(secrets.matches("le-secret", changed)).isFalse();

        assertThat(counting.verifications).hasValue(5);
    }
}
