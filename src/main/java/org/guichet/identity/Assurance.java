package org.guichet.identity;

/**
 * How strongly a session was signed in: a password alone, or a password and a second factor. Services say which they
 * need on each channel.
 */
public enum Assurance {
    PASSWORD,
    MFA;

    public boolean satisfies(Assurance needed) {
        return compareTo(needed) >= 0;
    }
}
