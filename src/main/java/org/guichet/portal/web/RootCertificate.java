package org.guichet.portal.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The administration's own root certificate, when it signs the portal's: offered for download from the login and
 * connection-check pages, with its SHA-256 fingerprint to compare before installing it. Configured with {@code
 * guichet.portal.root-certificate} (a PEM or DER file, {@code file:} or {@code classpath:}); none by default, and then
 * nothing is offered. A file that cannot be read stops the start-up: a portal that says it offers a certificate it
 * does not have would send agents nowhere.
 */
@Component
@ControllerAdvice(annotations = Controller.class)
class RootCertificate {

    /** What the pages say of it. */
    record Info(String name, String fingerprint, Instant validUntil, byte[] der) {}

    private final Optional<Info> info;

    RootCertificate(@Value("${guichet.portal.root-certificate:}") String location, ResourceLoader resources) {
        this.info = location.isBlank() ? Optional.empty() : Optional.of(read(location, resources));
    }

    Optional<Info> info() {
        return info;
    }

    /** For the login and check pages: the certificate offered, if any. */
    @ModelAttribute("rootCertificate")
    @Nullable
    Info offered() {
        return info.orElse(null);
    }

    private static Info read(String location, ResourceLoader resources) {
        try (var in = resources.getResource(location).getInputStream()) {
            var certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(in.readAllBytes()));
            var der = certificate.getEncoded();
            var fingerprint = HexFormat.ofDelimiter(":")
                    .withUpperCase()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(der));
            return new Info(
                    commonName(certificate),
                    fingerprint,
                    certificate.getNotAfter().toInstant(),
                    der);
        } catch (IOException | CertificateException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(
                    "guichet.portal.root-certificate: cannot read an X.509 certificate from " + location, e);
        }
    }

    /** The certificate's common name, else its whole subject. */
    private static String commonName(X509Certificate certificate) {
        var subject = certificate.getSubjectX500Principal().getName();
        try {
            return new LdapName(subject)
                    .getRdns().stream()
                            .filter(rdn -> rdn.getType().equalsIgnoreCase("CN"))
                            .map(rdn -> rdn.getValue().toString())
                            .findFirst()
                            .orElse(subject);
        } catch (InvalidNameException e) {
            return subject;
        }
    }
}
