package org.guichet.directory.ldap;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The administration's LDAP directory or Active Directory as a source of agents ({@code guichet.directory.ldap.*}).
 * No URL, no synchronisation.
 *
 * @param url {@code ldap://…} (with {@code startTls}) or {@code ldaps://…}
 * @param caCertificates a PEM file of the certificates that sign the directory's (an internal CA), for StartTLS and LDAPS; none:
 *     the JVM's trust store. The server's name (or address) must match its certificate either way
 * @param bindDn the account Guichet reads the directory with (read-only is enough)
 * @param baseDn where the agents' entries are
 * @param userFilter which entries are agents
 * @param pageSize entries asked for per page (the server's own limit is often 1,000)
 * @param departMissing whether an agent whose entry disappeared from the directory is recorded as departed (only
 *     agents a synchronisation brought in)
 * @param maxDepartures the most departures one run may record; beyond, the run refuses (a wrong base DN would
 *     otherwise end every agent's access)
 * @param passwords whether the agents a synchronisation brought in sign in with their directory password (a bind as
 *     their entry) instead of a password of Guichet's
 * @param changedAttribute the attribute that says when an entry last changed (a generalized time, compared with
 *     {@code >=}): a run of the changes only reads the entries changed since the last run
 * @param passwordWriteBack whether a password changed or reset in Guichet, for an agent whose password lives in the
 *     directory, is written there (by the account above, which must then be allowed to reset passwords)
 * @param passwordAttribute where the directory keeps passwords: {@code userPassword} (OpenLDAP and others; the server
 *     hashes it, e.g. ppolicy's {@code olcPPolicyHashCleartext}) or {@code unicodePwd} (Active Directory, over TLS)
 * @param groupRoles group DN (as {@code memberOf} gives it, in any case) to Guichet role ({@code HR}, {@code SUPPORT},
 *     {@code SECURITY}, {@code ADMIN}); none: roles are not taken from the directory
 */
@ConfigurationProperties("guichet.directory.ldap")
public record LdapSettings(
        @Nullable String url,
        @DefaultValue("false") boolean startTls,
        @Nullable String caCertificates,
        @Nullable String bindDn,
        @Nullable String bindPassword,
        @DefaultValue("") String baseDn,

        @DefaultValue("(&(objectClass=person)(employeeNumber=*))")
        String userFilter,

        @DefaultValue("500") int pageSize,
        @DefaultValue("employeeNumber") String soiAttribute,
        @DefaultValue("uid") String loginAttribute,
        @DefaultValue("givenName") String firstNameAttribute,
        @DefaultValue("sn") String lastNameAttribute,
        @DefaultValue("departmentNumber") String departmentAttribute,
        @DefaultValue("manager") String managerAttribute,
        @DefaultValue("title") String titleAttribute,
        @DefaultValue("mobile") String mobileAttribute,
        @DefaultValue("mail") String mailAttribute,
        @DefaultValue("memberOf") String groupsAttribute,
        @DefaultValue("modifyTimestamp") String changedAttribute,
        @DefaultValue("false") boolean departMissing,
        @DefaultValue("100") int maxDepartures,
        @DefaultValue("false") boolean passwords,
        @DefaultValue("false") boolean passwordWriteBack,
        @DefaultValue("userPassword") String passwordAttribute,
        @DefaultValue Map<String, String> groupRoles) {

    boolean enabled() {
        return url != null && !url.isBlank();
    }

    /** The same settings, connecting this way and allowing at most this many departures in a run. */
    LdapSettings with(String url, boolean startTls, @Nullable String caCertificates, int maxDepartures) {
        return new LdapSettings(
                url,
                startTls,
                caCertificates,
                bindDn,
                bindPassword,
                baseDn,
                userFilter,
                pageSize,
                soiAttribute,
                loginAttribute,
                firstNameAttribute,
                lastNameAttribute,
                departmentAttribute,
                managerAttribute,
                titleAttribute,
                mobileAttribute,
                mailAttribute,
                groupsAttribute,
                changedAttribute,
                departMissing,
                maxDepartures,
                passwords,
                passwordWriteBack,
                passwordAttribute,
                groupRoles);
    }
}
