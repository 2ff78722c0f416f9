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
    IN_DIRECTORY,
    /** The directory refused the new password (its own policy: history, quality, minimum age). */
    DIRECTORY_REFUSED,
    /** The directory could not be reached to write the new password: nothing changed. */
    DIRECTORY_UNAVAILABLE;

    public String messageKey() {
        return "identity.password.problem." + name();
    }
}
