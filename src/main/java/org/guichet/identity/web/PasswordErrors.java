package org.guichet.identity.web;

import org.guichet.identity.IdentitySettings;
import org.guichet.identity.PasswordProblem;
import org.guichet.identity.PasswordRejectedException;
import org.springframework.validation.BindingResult;

/** Puts the policy's reasons next to the password field, each in the agent's language. */
final class PasswordErrors {

    private PasswordErrors() {}

    /** Checks that the confirmation repeats the password; reports it next to the confirmation otherwise. */
    static boolean confirmed(String password, String confirmation, BindingResult result) {
        if (result.hasFieldErrors("password") || result.hasFieldErrors("confirmation")) {
            return false;
        }
        if (!password.equals(confirmation)) {
            result.rejectValue("confirmation", PasswordProblem.CONFIRMATION_DIFFERS.messageKey());
            return false;
        }
        return true;
    }

    /** The policy's figures its sentences use: {0} shortest, {1} longest, {2} how many former ones. */
    static Object[] figures(IdentitySettings.Password rules) {
        return new Object[] {rules.minLength(), rules.maxLength(), rules.history()};
    }

    /** Each reason next to the password field, worded with the policy's figures. */
    static void reject(PasswordRejectedException e, BindingResult result, IdentitySettings.Password rules) {
        var figures = figures(rules);
        for (var problem : e.problems()) {
            result.rejectValue("password", problem.messageKey(), figures, null);
        }
    }
}
