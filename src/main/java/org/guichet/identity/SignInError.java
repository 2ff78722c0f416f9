package org.guichet.identity;

/** Why a sign-in was refused. The first two are told apart for nobody: both read "wrong identifier or password". */
public enum SignInError {
    /** Unknown identifier or wrong password. */
    BAD_CREDENTIALS,
    /** Too many failures on this identifier: temporarily suspended (whether the identifier exists or not). */
    LOCKED,
    /** Too many failures from this address, whatever the identifier. */
    TOO_MANY_ATTEMPTS,
    /** The password was right but the account is suspended or the agent has left. */
    ACCOUNT_DISABLED,
    /** The administration's directory, where the agent's password lives, has locked or disabled the account. */
    DIRECTORY_LOCKED,
    /** The administration's directory, where the agent's password lives, could not be reached. */
    DIRECTORY_UNAVAILABLE
}
