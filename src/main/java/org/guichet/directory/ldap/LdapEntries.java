package org.guichet.directory.ldap;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import javax.naming.NamingException;
import javax.naming.directory.Attributes;
import javax.naming.directory.SearchControls;
import org.jspecify.annotations.Nullable;
import org.springframework.ldap.control.PagedResultsDirContextProcessor;
import org.springframework.ldap.core.ContextMapper;
import org.springframework.ldap.core.DirContextAdapter;
import org.springframework.ldap.core.LdapTemplate;
import org.springframework.ldap.core.support.SingleContextSource;
import org.springframework.stereotype.Component;

/**
 * Reads the agents' entries from the directory with Spring LDAP: one connection, pages of {@code pageSize} entries
 * (the simple paged results control, RFC 2696), StartTLS when configured.
 */
@Component
class LdapEntries {

    private static final int ACCOUNT_DISABLED = 0x2;

    private final LdapSettings settings;

    LdapEntries(LdapSettings settings) {
        this.settings = settings;
    }

    /** Every agent's entry. */
    List<LdapEntry> read() throws Exception {
        return read(null);
    }

    /**
     * The entries changed since this time (a generalized time the directory wrote, as {@link LdapEntry#changed()}
     * gives it), or every entry when none.
     */
    List<LdapEntry> read(@Nullable String changedSince) throws Exception {
        var filter = settings.userFilter();
        if (changedSince != null) {
            if (!changedSince.matches("[0-9]{14}(\\.[0-9]+)?(Z|[+-][0-9]{4})")) {
                throw new IllegalArgumentException("Not a generalized time: " + changedSince);
            }
            filter = "(&" + filter + "(" + settings.changedAttribute() + ">=" + changedSince + "))";
        }
        var search = filter;
        var source = LdapConnections.source(settings);
        var controls = new SearchControls();
        controls.setSearchScope(SearchControls.SUBTREE_SCOPE);
        controls.setReturningAttributes(new String[] {
            settings.soiAttribute(),
            settings.loginAttribute(),
            settings.firstNameAttribute(),
            settings.lastNameAttribute(),
            settings.departmentAttribute(),
            settings.managerAttribute(),
            settings.titleAttribute(),
            settings.mobileAttribute(),
            settings.mailAttribute(),
            settings.groupsAttribute(),
            settings.changedAttribute(),
            "userAccountControl",
            "pwdAccountLockedTime"
        });
        ContextMapper<LdapEntry> mapper = context -> entry((DirContextAdapter) context);
        var entries = new ArrayList<LdapEntry>();
        SingleContextSource.doWithSingleContext(source, operations -> {
            var template = (LdapTemplate) operations;
            var pages = new PagedResultsDirContextProcessor(settings.pageSize());
            do {
                entries.addAll(template.search(settings.baseDn(), search, controls, mapper, pages));
            } while (pages.hasMore());
            return null;
        });
        return entries;
    }

    private LdapEntry entry(DirContextAdapter context) throws NamingException {
        var attributes = context.getAttributes();
        var groups = new HashSet<String>();
        var memberOf = attributes.get(settings.groupsAttribute());
        if (memberOf != null) {
            for (var values = memberOf.getAll(); values.hasMore(); ) {
                groups.add(String.valueOf(values.next()).toLowerCase(Locale.ROOT));
            }
        }
        var control = text(attributes, "userAccountControl");
        var disabled = attributes.get("pwdAccountLockedTime") != null
                || (control != null && control.matches("\\d+") && (Long.parseLong(control) & ACCOUNT_DISABLED) != 0);
        return new LdapEntry(
                context.getNameInNamespace(),
                text(attributes, settings.soiAttribute()),
                text(attributes, settings.loginAttribute()),
                text(attributes, settings.firstNameAttribute()),
                text(attributes, settings.lastNameAttribute()),
                text(attributes, settings.departmentAttribute()),
                text(attributes, settings.managerAttribute()),
                text(attributes, settings.titleAttribute()),
                text(attributes, settings.mobileAttribute()),
                text(attributes, settings.mailAttribute()),
                disabled,
                groups,
                text(attributes, settings.changedAttribute()));
    }

    private static @Nullable String text(Attributes attributes, String name) throws NamingException {
        var attribute = attributes.get(name);
        if (attribute == null || attribute.size() == 0) {
            return null;
        }
        var value = attribute.get();
        return value == null ? null : value.toString().strip();
    }
}
