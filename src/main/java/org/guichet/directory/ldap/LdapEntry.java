package org.guichet.directory.ldap;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An agent's entry as the directory holds it, read with the attribute names configured.
 *
 * @param disabled whether the directory's account is disabled (Active Directory's {@code userAccountControl} flag, or
 *     a password policy's lock)
 * @param groups the DNs of the groups the entry is a member of, lower case
 * @param changed when the entry last changed, as the directory writes it ({@code modifyTimestamp}, a generalized time)
 */
record LdapEntry(
        String dn,
        @Nullable String soi,
        @Nullable String login,
        @Nullable String firstName,
        @Nullable String lastName,
        @Nullable String department,
        @Nullable String managerDn,
        @Nullable String title,
        @Nullable String mobile,
        @Nullable String mail,
        boolean disabled,
        Set<String> groups,
        @Nullable String changed) {}
