package org.guichet.identity.factor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.guichet.identity.FactorType;
import org.junit.jupiter.api.Test;

/** The last-usable-factor rule, stated once: which factors sign in, when the last may go, and what goes with it. */
class FactorPolicyTests {

    private static final Instant ADDED = Instant.parse("2026-11-02T08:00:00Z");

    private static Factor factor(String id, FactorType type, boolean usable) {
        return new Factor(id, type, "", ADDED, null, null, usable);
    }

    private static final Factor APP = factor("totp-1", FactorType.TOTP, true);
    private static final Factor SMS_UNVERIFIED = factor("sms", FactorType.SMS, false);
    private static final Factor CODES = factor("recovery-codes", FactorType.RECOVERY_CODE, true);
    private static final Factor CODES_SPENT = factor("recovery-codes", FactorType.RECOVERY_CODE, false);

    @Test
    void hasSecondFactorWhenOnlyRecoveryCodesThenNone() {
        assertThat(FactorPolicy.hasSecondFactor(java.util.Set.of())).isFalse();
        assertThat(FactorPolicy.hasSecondFactor(java.util.Set.of(FactorType.RECOVERY_CODE)))
                .isFalse();
        assertThat(FactorPolicy.hasSecondFactor(java.util.Set.of(FactorType.RECOVERY_CODE, FactorType.TOTP)))
                .isTrue();
    }

    @Test
    void isLastWhenNoOtherFactorSignsInThenTrueAndNeverForRecoveryCodes() {
        assertThat(FactorPolicy.isLast(List.of(APP, SMS_UNVERIFIED, CODES), APP))
                .isTrue();
        var secondApp = factor("totp-2", FactorType.TOTP, true);
        assertThat(FactorPolicy.isLast(List.of(APP, secondApp, CODES), APP)).isFalse();
        assertThat(FactorPolicy.isLast(List.of(APP, CODES), CODES)).isFalse();
    }

    @Test
    void mayRemoveWhenRequiredAndLastThenRefusedOtherwiseAllowed() {
        var factors = List.of(APP, CODES);
        assertThat(FactorPolicy.mayRemove(factors, APP, true)).isFalse();
        assertThat(FactorPolicy.mayRemove(factors, APP, false)).isTrue();
        assertThat(FactorPolicy.mayRemove(List.of(APP, factor("passkey-x", FactorType.PASSKEY, true)), APP, true))
                .isTrue();
    }

    @Test
    void mayRemoveRecoveryCodesWhenRequiredThenOnlyOnceSpentOrBesideAnotherFactor() {
        assertThat(FactorPolicy.mayRemove(List.of(CODES), CODES, true)).isFalse();
        assertThat(FactorPolicy.mayRemove(List.of(CODES_SPENT), CODES_SPENT, true))
                .isTrue();
        assertThat(FactorPolicy.mayRemove(List.of(APP, CODES), CODES, true)).isTrue();
    }
}
