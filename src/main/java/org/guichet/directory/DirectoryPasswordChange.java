package org.guichet.directory;

/** What the administration's directory did with a new password Guichet wrote there. */
public enum DirectoryPasswordChange {
    /** Written: the agent's password, everywhere the directory's is used, is the new one. */
    CHANGED,
    /** The directory refused it (its own policy: too close to an old one, too young to change…). */
    REFUSED,
    /** The directory could not be reached; nothing changed. */
    UNAVAILABLE,
    /** Guichet does not write passwords to the directory (guichet.directory.ldap.password-write-back). */
    NOT_WRITTEN
}
