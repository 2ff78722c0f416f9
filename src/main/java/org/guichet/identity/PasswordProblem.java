package org.guichet.identity;

/** Why a new password is refused; each has a sentence for the agent ({@code identity.password.problem.*}). */
public enum PasswordProblem {
    TOO_SHORT,
    TOO_LONG,
    COMMON,
    PERSONAL,
    TOO_WEAK,
    REUSED,
    CONFIRMATION_DIFFERS;

    public String messageKey() {
        return "identity.password.problem." + name();
    }
}
