package org.guichet.directory;

/** What the administration's directory said of a password it holds (an LDAP bind as the agent's entry). */
public enum DirectoryPassword {
    /** The directory took it. */
    ACCEPTED,
    /** Not the password. */
    REJECTED,
    /** The directory's account is locked or disabled (Active Directory's own lockout, say): only it can unlock it. */
    LOCKED,
    /** The directory could not be reached. */
    UNAVAILABLE
}
