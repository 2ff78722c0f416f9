package org.guichet.identity;

/** Why a password changed. */
public enum PasswordChangeReason {
    /** The agent chose to. */
    CHANGED,
    /** First sign-in: the initial password had to be replaced. */
    FIRST_SIGN_IN,
    /** The password had expired. */
    EXPIRED,
    /** Through the self-service reset. */
    RESET
}
