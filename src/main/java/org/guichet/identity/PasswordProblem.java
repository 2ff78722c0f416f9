package org.guichet.identity;

/** Why a new password is refused; each has a sentence for the agent ({@code identity.password.problem.*}). */
public enum PasswordProblem {
    TOO_SHORT,
    TOO_LONG,
    COMMON,
    PERSONAL,
    TOO_WEAK,
    REUSED,
    CONFIRMATION_DIFFERS,
    /** The agent's password is the administration's directory's: it is changed there, not in Guichet. */
    IN_DIRECTORY;

    public String messageKey() {
        return "identity.password.problem." + name();
    }
}
