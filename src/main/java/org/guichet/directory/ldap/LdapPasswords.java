package org.guichet.directory.ldap;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import javax.naming.directory.Attributes;
import javax.naming.directory.BasicAttribute;
import javax.naming.directory.DirContext;
import javax.naming.directory.ModificationItem;
import org.guichet.directory.AgentId;
import org.guichet.directory.DirectoryPassword;
import org.guichet.directory.DirectoryPasswordChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ldap.AuthenticationException;
import org.springframework.ldap.InvalidAttributeValueException;
import org.springframework.ldap.NamingException;
import org.springframework.ldap.NoPermissionException;
import org.springframework.ldap.OperationNotSupportedException;
import org.springframework.ldap.core.AttributesMapper;
import org.springframework.ldap.core.LdapTemplate;
import org.springframework.ldap.core.support.LdapContextSource;
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

    private static final Logger LOG = LoggerFactory.getLogger(LdapPasswords.class);

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
        try {
            var source = LdapConnections.source(settings);
            try {
                LdapUtils.closeContext(source.getContext(dn.get(), password));
                return Optional.of(DirectoryPassword.ACCEPTED);
            } catch (AuthenticationException refused) {
                return Optional.of(
                        locked(refused) || lockedByPolicy(source, dn.get())
                                ? DirectoryPassword.LOCKED
                                : DirectoryPassword.REJECTED);
            }
        } catch (NamingException | IllegalStateException unreachable) {
            LOG.warn("Directory password of {} not checked: {}", agent.soi(), unreachable.getMessage());
            return Optional.of(DirectoryPassword.UNAVAILABLE);
        }
    }

    /**
     * Writes a new password to the agent's entry, when so configured, with the synchronisation's account: {@code
     * userPassword} replaced (the server hashes it), or Active Directory's {@code unicodePwd} (the password in quotes,
     * UTF-16LE, which it accepts over TLS only).
     */
    public DirectoryPasswordChange write(AgentId agent, String password) {
        var dn = entries.dn(agent.soi());
        if (!settings.enabled() || !settings.passwords() || !settings.passwordWriteBack() || dn.isEmpty()) {
            return DirectoryPasswordChange.NOT_WRITTEN;
        }
        Object value = "unicodePwd".equalsIgnoreCase(settings.passwordAttribute())
                ? ("\"" + password + "\"").getBytes(StandardCharsets.UTF_16LE)
                : password;
        try {
            new LdapTemplate(LdapConnections.source(settings)).modifyAttributes(dn.get(), new ModificationItem[] {
                new ModificationItem(
                        DirContext.REPLACE_ATTRIBUTE, new BasicAttribute(settings.passwordAttribute(), value))
            });
            return DirectoryPasswordChange.CHANGED;
        } catch (OperationNotSupportedException | InvalidAttributeValueException | NoPermissionException refused) {
            LOG.warn("Directory refused the new password of {}: {}", agent.soi(), refused.getMessage());
            return DirectoryPasswordChange.REFUSED;
        } catch (org.springframework.ldap.NamingException e) {
            if (String.valueOf(e.getMessage()).contains("error code 19")) {
                // constraint violation: the directory's password policy (quality, history, minimum age)
                LOG.warn("Directory refused the new password of {}: {}", agent.soi(), e.getMessage());
                return DirectoryPasswordChange.REFUSED;
            }
            LOG.warn("New password of {} not written to the directory: {}", agent.soi(), e.getMessage());
            return DirectoryPasswordChange.UNAVAILABLE;
        } catch (IllegalStateException unreachable) {
            LOG.warn("New password of {} not written to the directory: {}", agent.soi(), unreachable.getMessage());
            return DirectoryPasswordChange.UNAVAILABLE;
        }
    }

    /**
     * Whether a password policy locked the entry (OpenLDAP's ppolicy overlay, RFC draft behera): it answers a bind to
     * a locked account as a wrong password, so the lock is read from the entry's {@code pwdAccountLockedTime}, with
     * the reading account.
     */
    private static boolean lockedByPolicy(LdapContextSource source, String dn) {
        var attributes = new LdapTemplate(source)
                .lookup(dn, new String[] {"pwdAccountLockedTime"}, (AttributesMapper<Attributes>) found -> found);
        return attributes.get("pwdAccountLockedTime") != null;
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
