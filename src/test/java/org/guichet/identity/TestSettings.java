package org.guichet.identity;

import java.time.Duration;

/** The identity settings' defaults, for unit tests that build components by hand. */
public final class TestSettings {

    private TestSettings() {}

    public static IdentitySettings defaults() {
        return new IdentitySettings(
                new IdentitySettings.Argon2(19456, 2, 1),
                new IdentitySettings.Password(12, 128, 45, 5, Duration.ofDays(365), Duration.ofDays(14)),
                new IdentitySettings.Lockout(
                        5,
                        Duration.ofMinutes(1),
                        Duration.ofMinutes(30),
                        Duration.ofHours(24),
                        30,
                        Duration.ofDays(180)),
                new IdentitySettings.Reset(Duration.ofMinutes(10), 5, 3, Duration.ofMinutes(15)));
    }
}
