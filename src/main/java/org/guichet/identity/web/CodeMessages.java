package org.guichet.identity.web;

import org.guichet.identity.FactorType;
import org.guichet.identity.factor.CodeCheck;
import org.guichet.identity.mfa.SecondStep;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;

/**
 * Says next to the {@code code} field why a code was refused, and what to do: how many tries are left, that the
 * phone's clock is off by so many minutes (and how to fix it), that the code was already used, that a new SMS code is
 * needed, or until when codes are locked.
 */
@Component
class CodeMessages {

    /** A refused code at the second step (type null: an enrolment code). */
    void reject(SecondStep.Outcome outcome, @Nullable FactorType type, BindingResult result) {
        switch (outcome) {
            case SecondStep.Outcome.Locked locked ->
                result.rejectValue("code", "identity.code.locked", new Object[] {Times.time(locked.until())}, null);
            case SecondStep.Outcome.Refused refused -> {
                reject(refused.reason(), type, result);
                if (refused.triesLeft() != null && refused.triesLeft() <= 2) {
                    result.rejectValue("code", "identity.code.triesLeft", new Object[] {refused.triesLeft()}, null);
                }
            }
            case SecondStep.Outcome.Verified verified -> throw new IllegalArgumentException("Not a refusal");
        }
    }

    /** A refused code (type null: an enrolment code). */
    void reject(CodeCheck check, @Nullable FactorType type, BindingResult result) {
        switch (check) {
            case CodeCheck.ClockDrift drift ->
                result.rejectValue(
                        "code",
                        drift.minutes() > 0 ? "identity.code.drift.ahead" : "identity.code.drift.behind",
                        new Object[] {Math.abs(drift.minutes())},
                        null);
            case CodeCheck.Replayed replayed -> result.rejectValue("code", "identity.code.replayed");
            case CodeCheck.Spent spent -> result.rejectValue("code", "identity.code.spent");
            case CodeCheck.Wrong wrong -> result.rejectValue("code", wrongKey(type));
            case CodeCheck.Accepted accepted -> throw new IllegalArgumentException("Not a refusal");
        }
    }

    private static String wrongKey(@Nullable FactorType type) {
        if (type == null) {
            return "identity.code.wrong.enrolment";
        }
        return switch (type) {
            case TOTP -> "identity.code.wrong.totp";
            case SMS -> "identity.code.wrong.sms";
            case RECOVERY_CODE -> "identity.code.wrong.recovery";
            case PASSKEY -> throw new IllegalArgumentException("Passkeys are not typed");
        };
    }
}
