package org.guichet.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Map;
import org.guichet.testing.Agents;
import org.guichet.testing.Caddy;
import org.guichet.testing.CountingRelay;
import org.guichet.testing.EchoUpstream;
import org.guichet.testing.FreePorts;
import org.guichet.testing.HttpAgent;
import org.guichet.testing.TestClockConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Through a real Caddy with the shipped Caddyfile ({@code deploy/caddy/}), whose {@code forward_auth} tells the
 * original request in {@code X-Forwarded-Method}, {@code -Uri}, {@code -Host} and {@code -Proto}: the same round trip,
 * refusal and defences as through nginx.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            ThroughNginx.TRUSTED_PROXY,
            ThroughNginx.OFFICE_ZONE,
            ThroughNginx.VPN_ZONE,
            ThroughNginx.GIS_HOST,
            ThroughNginx.TM_HOST,
            ThroughNginx.COOKIE_DOMAIN
        })
@ActiveProfiles({"test", "demo"})
@Import({TestClockConfiguration.class, Agents.class})
class ForwardAuthCaddyTests {

    private static final int PORT = FreePorts.next();
    private static final String PORTAL = ThroughNginx.portal(PORT);
    private static final String GIS = ThroughNginx.gis(PORT);

    private static EchoUpstream upstream;
    private static CountingRelay toGuichet;
    private static Caddy caddy;

    @LocalServerPort
    int guichetPort;

    @Autowired
    Agents agents;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @DynamicPropertySource
    static void portal(DynamicPropertyRegistry properties) {
        properties.add("guichet.edge.portal-url", () -> PORTAL);
    }

    @BeforeAll
    static void startUpstream() throws Exception {
        upstream = new EchoUpstream();
    }

    /** Caddy starts once Guichet listens, through a relay that counts what reaches Guichet. */
    @BeforeEach
    void proxy() throws Exception {
        if (caddy != null) {
            return;
        }
        toGuichet = new CountingRelay(guichetPort);
        var replacements = new java.util.HashMap<>(ThroughNginx.applications(upstream.port()));
        replacements.put("127.0.0.1:8080", "127.0.0.1:" + toGuichet.port());
        caddy = Caddy.start(PORT, replacements);
    }

    @AfterAll
    static void stop() throws Exception {
        if (caddy != null) {
            caddy.close();
            toGuichet.close();
        }
        upstream.close();
    }

    private static String location(java.net.http.HttpResponse<String> response) {
        return ThroughNginx.location(response);
    }

    @Test
    void gisWhenNotSignedInThenTheLoginPageAndBackToTheApplicationWithTheAgentsIdentity() throws Exception {
        var person = agents.create().build();
        var browser = HttpAgent.from(ThroughNginx.OFFICE, PORTAL);

        var asked = browser.get(GIS + "/maps/city?zoom=3", "text/html");
        assertThat(asked.statusCode()).as(caddy.log()).isEqualTo(302);
        assertThat(location(asked)).startsWith(PORTAL + "/auth/return?to=");
        assertThat(location(browser.get(location(asked), "text/html"))).endsWith("/login");
        var signedIn = browser.signIn(person.login());
        var back = browser.get(location(signedIn), "text/html");
        assertThat(location(back)).isEqualTo(GIS + "/maps/city?zoom=3");

        var answer = browser.get(location(back), "text/html");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body())
                .startsWith("GET /maps/city")
                .contains("remote-user: " + person.login() + "\n")
                .contains("x-guichet-soi: " + person.soi() + "\n")
                .contains("x-guichet-channel: INTERNAL\n")
                .contains("x-forwarded-for: " + ThroughNginx.OFFICE + "\n")
                .containsPattern("x-guichet-assertion: [\\w-]+\\.[\\w-]+\\.[\\w-]+\n")
                // the application never gets the portal's session
                .doesNotContainIgnoringCase("guichet_session");
    }

    @Test
    void gisWhenHeadersAreForgedThenNoneReachesTheApplication() throws Exception {
        var person = agents.create().build();
        var browser = ThroughNginx.signedIn(ThroughNginx.OFFICE, PORTAL, person.login(), jdbc, clock);

        var answer = browser.get(
                GIS + "/",
                Map.of(
                        "Remote-User", "nora.lefevre",
                        "Remote-Groups", "ADMIN",
                        "X-Guichet-Soi", "1000010",
                        "X-Guichet-Channel", "NOMADIC",
                        "X-Forwarded-For", "10.1.2.3",
                        "X-Forwarded-Prefix", "/admin",
                        "X-Forwarded-Uri", "/confidentiel/",
                        "Forwarded", "for=10.1.2.3;proto=https",
                        "X-Original-URL", "http://tm.guichet.test/"));

        assertThat(answer.statusCode()).as(caddy.log()).isEqualTo(200);
        assertThat(answer.body())
                .contains("remote-user: " + person.login() + "\n")
                .contains("x-guichet-channel: INTERNAL\n")
                .doesNotContain("nora.lefevre")
                .doesNotContain("ADMIN")
                .doesNotContain("1000010")
                .doesNotContain("10.1.2.3")
                .doesNotContain("x-forwarded-prefix")
                .doesNotContain("x-forwarded-uri")
                .doesNotContain("forwarded: for")
                .doesNotContain("x-original-url")
                .doesNotContainIgnoringCase("guichet_session");
    }

    @Test
    void confidentialDocumentsWhenThePathIsDisguisedThenNeverLetThroughWithoutTheSecondFactor() throws Exception {
        var browser = ThroughNginx.signedIn(
                ThroughNginx.OFFICE, PORTAL, agents.create().build().login(), jdbc, clock);
        assertThat(browser.get(GIS + "/confidentiel/", "text/html").statusCode())
                .isEqualTo(302);
        for (var disguised : ThroughNginx.DISGUISED_CONFIDENTIAL) {
            var answer = browser.get(GIS + disguised, "text/html");
            assertThat(answer.statusCode()).as(disguised).isIn(302, 400);
            assertThat(answer.body()).as(disguised).doesNotContain("remote-user");
        }
    }

    @Test
    void gisWhenFromTheInternetThenGuichetsExplanation() throws Exception {
        var person = agents.create().withTotp().withRemoteAccess().build();
        var browser = ThroughNginx.signedIn(ThroughNginx.INTERNET, PORTAL, person.login(), jdbc, clock);

        var refused = browser.get(GIS + "/", "text/html");

        assertThat(refused.statusCode()).as(caddy.log()).isEqualTo(302);
        assertThat(location(refused)).startsWith(PORTAL + "/auth/refused?service=gis&reference=");
        var page = browser.get(location(refused), "text/html");
        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body()).contains("data-reason=\"CHANNEL_NOT_ALLOWED\"").contains("depuis internet");
    }

    @Test
    void uploadWhenLargeThenItReachesTheApplicationAndNotGuichet() throws Exception {
        var browser = ThroughNginx.signedIn(
                ThroughNginx.OFFICE, PORTAL, agents.create().build().login(), jdbc, clock);
        var size = 16 * 1024 * 1024;
        var before = toGuichet.sent();

        var answer = browser.upload(GIS + "/upload", new byte[size]);

        assertThat(answer.statusCode()).as(caddy.log()).isEqualTo(200);
        assertThat(answer.body()).startsWith("POST /upload").contains("body-bytes: " + size + "\n");
        assertThat(toGuichet.sent() - before).isLessThan(64 * 1024);
    }
}
