package org.guichet.directory.ldap;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import org.springframework.ldap.core.support.DefaultTlsDirContextAuthenticationStrategy;
import org.springframework.ldap.core.support.LdapContextSource;

/**
 * Connections to the directory as configured: its URL ({@code ldaps://}, or {@code ldap://} with StartTLS when set),
 * TLS trusting the configured CA's certificates (else the JVM's), the reading account (or anonymous).
 */
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
        var ca = settings.caCertificates() == null || settings.caCertificates().isBlank()
                ? null
                : trusting(Path.of(settings.caCertificates()));
        if (settings.startTls()) {
            var tls = new DefaultTlsDirContextAuthenticationStrategy();
            if (ca != null) {
                tls.setSslSocketFactory(ca);
            }
            source.setAuthenticationStrategy(tls);
        } else if (ca != null
                && String.valueOf(settings.url())
                        .toLowerCase(java.util.Locale.ROOT)
                        .startsWith("ldaps:")) {
            LdapTrustedSockets.trust(ca);
            source.setBaseEnvironmentProperties(
                    java.util.Map.of("java.naming.ldap.factory.socket", LdapTrustedSockets.class.getName()));
        }
        source.setPooled(false);
        source.afterPropertiesSet();
        return source;
    }

    /** Sockets that trust the certificates of this PEM file, and only them. */
    private static SSLSocketFactory trusting(Path pem) {
        try (InputStream in = Files.newInputStream(pem)) {
            var store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            var index = 0;
            for (var certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                store.setCertificateEntry("ca-" + index++, certificate);
            }
            if (index == 0) {
                throw new IllegalStateException(
                        "No certificate in " + pem + " (guichet.directory.ldap.ca-certificates)");
            }
            var trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            var context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context.getSocketFactory();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(
                    "Cannot read the directory's CA certificates " + pem + " (guichet.directory.ldap.ca-certificates): "
                            + e.getMessage(),
                    e);
        }
    }
}
