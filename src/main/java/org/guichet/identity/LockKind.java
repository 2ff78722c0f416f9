package org.guichet.identity;

/** What a lock holds back, in the order of {@code Lockout.keysOf}: an identifier the agent may type, or their codes. */
public enum LockKind {
    SOI,
    LOGIN,
    EMAIL,
    /** One-time codes at the second step (passkeys still work). */
    CODES
}
