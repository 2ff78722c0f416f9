package org.guichet.identity.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.guichet.identity.IdentitySettings;
import org.junit.jupiter.api.Test;

/** How long an identifier stays locked, as a plain function of its failures and the rules in force. */
class LockDurationTests {

    private static final IdentitySettings.Lockout RULES = new IdentitySettings.Lockout(
            5, Duration.ofMinutes(1), Duration.ofMinutes(30), Duration.ofHours(24), 30, Duration.ofDays(180));

    @Test
    void lockDurationWhenAtTheThresholdThenTheFirstLockThenDoublingWithEachFailure() {
        assertThat(Lockout.lockDuration(5, RULES)).isEqualTo(Duration.ofMinutes(1));
        assertThat(Lockout.lockDuration(6, RULES)).isEqualTo(Duration.ofMinutes(2));
        assertThat(Lockout.lockDuration(7, RULES)).isEqualTo(Duration.ofMinutes(4));
        assertThat(Lockout.lockDuration(9, RULES)).isEqualTo(Duration.ofMinutes(16));
    }

    @Test
    void lockDurationWhenFailuresGoOnThenNeverLongerThanTheLongestLock() {
        assertThat(Lockout.lockDuration(10, RULES)).isEqualTo(Duration.ofMinutes(30));
        assertThat(Lockout.lockDuration(1_000, RULES)).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void lockDurationWhenRulesChangeThenTheyApply() {
        var stricter = new IdentitySettings.Lockout(
                3, Duration.ofMinutes(5), Duration.ofHours(2), Duration.ofHours(24), 30, Duration.ofDays(180));
        assertThat(Lockout.lockDuration(3, stricter)).isEqualTo(Duration.ofMinutes(5));
        assertThat(Lockout.lockDuration(5, stricter)).isEqualTo(Duration.ofMinutes(20));
        assertThat(Lockout.lockDuration(7, stricter)).isEqualTo(Duration.ofMinutes(80));
        assertThat(Lockout.lockDuration(8, stricter)).isEqualTo(Duration.ofHours(2));
    }
}
