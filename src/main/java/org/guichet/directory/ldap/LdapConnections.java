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

    /** The factories made, by file and the file's last change: every sign-in's bind would otherwise read it again. */
    private static final java.util.Map<String, SSLSocketFactory> TRUSTING =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** Sockets that trust the certificates of this PEM file, and only them (read again when the file changes). */
    private static SSLSocketFactory trusting(Path pem) {
        String key;
        try {
            key = pem.toAbsolutePath() + "@" + Files.getLastModifiedTime(pem).toMillis();
        } catch (IOException e) {
            throw unreadable(pem, e);
        }
        return TRUSTING.computeIfAbsent(key, ignored -> read(pem));
    }

    private static SSLSocketFactory read(Path pem) {
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
            throw unreadable(pem, e);
        }
    }

    private static IllegalStateException unreadable(Path pem, Exception e) {
        return new IllegalStateException(
                "Cannot read the directory's CA certificates " + pem + " (guichet.directory.ldap.ca-certificates): "
                        + e.getMessage(),
                e);
    }
}
