package org.guichet.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import org.guichet.testing.IntegrationTest;
import org.guichet.testing.MockBrowser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The connection check: open without signing in, it tells the channel and why, cookies and the browser, and gives the
 * server time; signed in, it adds the password, the second factors, the mobile number and remote access, each problem
 * with its fix. A password alone (second factor still owed) does not unlock the signed-in findings.
 */
@IntegrationTest
class ConnectionCheckTests {

    private static final String OLD_FIREFOX = "Mozilla/5.0 (Windows NT 10.0; rv:78.0) Gecko/20100101 Firefox/78.0";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Test
    void checkWhenAnonymousFromTheVpnThenChannelAndBrowserExplained() {
        var result = mvc.get()
                .uri("/api/v1/check")
                .header("User-Agent", OLD_FIREFOX)
                .with(org.guichet.testing.SignIn.from("10.200.0.5"))
                .exchange();

        assertThat(result).hasStatusOk().bodyJson().extractingPath("$.channel").isEqualTo("VPN");
        assertThat(result).bodyJson().extractingPath("$.address").isEqualTo("10.200.0.5");
        assertThat(result).bodyJson().extractingPath("$.serverTime").asNumber().isNotNull();
        assertThat(result)
                .bodyJson()
                .extractingPath("$.items[?(@.id == 'browser')].ok")
                .asArray()
                .containsExactly(false);
        assertThat(result)
                .bodyJson()
                .extractingPath("$.items[*].id")
                .asArray()
                .containsExactly("channel", "cookies", "browser");
        var page = mvc.get()
                .uri("/check")
                .with(org.guichet.testing.SignIn.from("203.0.113.7"))
                .exchange();
        assertThat(page).hasStatusOk();
        assertThat(page).bodyText().contains("Vous êtes connecté depuis internet (adresse 203.0.113.7");
    }

    @Test
    void checkWhenSignedInThenAccountFindingsWithTheirFixes() {
        var theo = new MockBrowser(mvc, "10.1.2.3");
        theo.signInWithTotp("theo.moreau", jdbc, clock);

        var result = theo.getJson("/api/v1/check");

        assertThat(result)
                .bodyJson()
                .extractingPath("$.items[*].id")
                .asArray()
                .containsExactly("channel", "cookies", "browser", "password", "factors", "mobile", "remote-access");
        assertThat(result)
                .bodyJson()
                .extractingPath("$.items[?(@.id == 'cookies')].ok")
                .asArray()
                .containsExactly(true);
        assertThat(result)
                .bodyJson()
                .extractingPath("$.items[?(@.id == 'mobile')].text")
                .asArray()
                .singleElement()
                .asString()
                .contains("•• ••");

        var passwordOnly = new MockBrowser(mvc, "203.0.113.7");
        passwordOnly.signIn("camille.martin", org.guichet.testing.Demo.PASSWORD);
        assertThat(passwordOnly.getJson("/api/v1/check"))
                .bodyJson()
                .extractingPath("$.items[*].id")
                .asArray()
                .containsExactly("channel", "cookies", "browser");
    }

    /** The test root certificate's (src/test/resources/certificates/test-root.pem) SHA-256 fingerprint. */
    private static final String TEST_ROOT_FINGERPRINT =
            "E8:A7:44:EF:48:73:94:8A:87:EF:FB:67:7F:DA:DF:34:A4:0A:CD:1A" + ":FD:75:BA:EC:5B:A0:FC:43:5A:B4:82:86";

    @Test
    void checkWhenARootCertificateIsConfiguredThenOfferedWithItsFingerprintAndTheStepsPerSystem() throws Exception {
        var page = mvc.get().uri("/check").exchange();

        assertThat(page).hasStatusOk();
        assertThat(page)
                .bodyText()
                .contains(
                        "id=\"certificate\"",
                        TEST_ROOT_FINGERPRINT,
                        "Autorite racine de test",
                        "/check/certificate.crt",
                        "id=\"certificate-windows\"",
                        "id=\"certificate-ios\"",
                        "id=\"certificate-android\"",
                        "Ne passez jamais outre",
                        "id=\"network\"",
                        "partage de connexion",
                        "VPN personnel");
        assertThat(mvc.get().uri("/login").exchange())
                .bodyText()
                .contains("id=\"certificate-link\"", "/check#certificate");

        var download = mvc.get().uri("/check/certificate.crt").exchange();
        assertThat(download).hasStatusOk().hasContentType("application/x-x509-ca-cert");
        assertThat(download.getResponse().getHeader("Content-Disposition")).contains("attachment");
        var der = download.getResponse().getContentAsByteArray();
        java.security.cert.CertificateFactory.getInstance("X.509")
                .generateCertificate(new java.io.ByteArrayInputStream(der));
        assertThat(java.util.HexFormat.ofDelimiter(":")
                        .withUpperCase()
                        .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                                .digest(der)))
                .isEqualTo(TEST_ROOT_FINGERPRINT);
    }
}
