package org.guichet.portal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;

class RootCertificateTests {

    private final DefaultResourceLoader resources = new DefaultResourceLoader();

    @Test
    void notConfiguredThenNothingOffered() {
        assertThat(new RootCertificate("", resources).info()).isEmpty();
    }

    @Test
    void configuredThenItsNameFingerprintAndValidity() {
        var info = new RootCertificate("classpath:certificates/test-root.pem", resources)
                .info()
                .orElseThrow();

        assertThat(info.name()).isEqualTo("Autorite racine de test");
        assertThat(info.fingerprint()).startsWith("E8:A7:44:EF").hasSize(32 * 3 - 1);
        assertThat(info.validUntil()).isAfter(java.time.Instant.parse("2100-01-01T00:00:00Z"));
    }

    @Test
    void unreadableThenTheStartStopsAndSaysWhich() {
        assertThatIllegalStateException()
                .isThrownBy(() -> new RootCertificate("classpath:application.yml", resources))
                .withMessageContaining("guichet.portal.root-certificate", "application.yml");
        assertThatIllegalStateException()
                .isThrownBy(() -> new RootCertificate("file:/no/such/root.crt", resources))
                .withMessageContaining("/no/such/root.crt");
    }
}
