package org.guichet.directory.ldap;

import org.springframework.ldap.core.support.DefaultTlsDirContextAuthenticationStrategy;
import org.springframework.ldap.core.support.LdapContextSource;

/** Connections to the directory as configured: its URL, StartTLS when set, the reading account (or anonymous). */
final class LdapConnections {

    private LdapConnections() {}

    static LdapContextSource source(LdapSettings settings) {
        var source = new LdapContextSource();
        source.setUrl(settings.url());
        source.setBase("");
        if (settings.bindDn() != null && !settings.bindDn().isBlank()) {
            source.setUserDn(settings.bindDn());
            source.setPassword(settings.bindPassword() == null ? "" : settings.bindPassword());
        } else {
            source.setAnonymousReadOnly(true);
        }
        if (settings.startTls()) {
            source.setAuthenticationStrategy(new DefaultTlsDirContextAuthenticationStrategy());
        }
        source.setPooled(false);
        source.afterPropertiesSet();
        return source;
    }
}
