package org.guichet.directory.ldap;

import java.util.Locale;
import java.util.Optional;
import org.guichet.directory.AgentId;
import org.guichet.directory.DirectoryPassword;
import org.springframework.ldap.AuthenticationException;
import org.springframework.ldap.NamingException;
import org.springframework.ldap.support.LdapUtils;
import org.springframework.stereotype.Component;

/**
 * Passwords that live in the directory ({@code guichet.directory.ldap.passwords}): the agents a synchronisation
 * brought in are checked by a bind as their entry, Guichet's throttling and lockout staying in front (so that
 * Guichet stops asking before the directory's own lockout would lock the account). An empty password is refused
 * before any bind: LDAP would take it as an anonymous bind.
 */
@Component
public class LdapPasswords {

    private final LdapSettings settings;
    private final LdapEntryRepository entries;

    LdapPasswords(LdapSettings settings, LdapEntryRepository entries) {
        this.settings = settings;
        this.entries = entries;
    }

    /** Whether this agent's password lives in the directory. */
    public boolean holds(AgentId agent) {
        return settings.enabled()
                && settings.passwords()
                && entries.dn(agent.soi()).isPresent();
    }

    /** What the directory says of this password, or nothing when the agent's password is not the directory's. */
    public Optional<DirectoryPassword> check(AgentId agent, String password) {
        if (!settings.enabled() || !settings.passwords()) {
            return Optional.empty();
        }
        var dn = entries.dn(agent.soi());
        if (dn.isEmpty()) {
            return Optional.empty();
        }
        if (password.isEmpty()) {
            return Optional.of(DirectoryPassword.REJECTED);
        }
        var source = LdapConnections.source(settings);
        try {
            LdapUtils.closeContext(source.getContext(dn.get(), password));
            return Optional.of(DirectoryPassword.ACCEPTED);
        } catch (AuthenticationException refused) {
            return Optional.of(locked(refused) ? DirectoryPassword.LOCKED : DirectoryPassword.REJECTED);
        } catch (NamingException unreachable) {
            return Optional.of(DirectoryPassword.UNAVAILABLE);
        }
    }

    /**
     * Whether the directory refused the bind because the account is locked or disabled: Active Directory says so in
     * its diagnostic ({@code data 775} locked, {@code 533} disabled, {@code 701}/{@code 532} expired), a password
     * policy overlay in words.
     */
    private static boolean locked(AuthenticationException refused) {
        var message = String.valueOf(refused.getMessage()).toLowerCase(Locale.ROOT);
        return message.contains("data 775")
                || message.contains("data 533")
                || message.contains("data 701")
                || message.contains("data 532")
                || message.contains("account locked")
                || message.contains("account is locked");
    }
}
