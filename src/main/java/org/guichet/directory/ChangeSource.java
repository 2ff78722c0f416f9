package org.guichet.directory;

/** Where a change to the directory came from: the journal says it beside the values before and after. */
public enum ChangeSource {
    /** A CSV file imported with the {@code import} command (or the demo's organisation). */
    IMPORT,
    /** The HR system, through the SCIM 2.0 provisioning API. */
    SCIM,
    /** The administration's LDAP directory or Active Directory, by a synchronisation. */
    LDAP
}
