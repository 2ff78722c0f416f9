package org.guichet.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import org.guichet.access.ServiceCatalogue;
import org.guichet.access.ServiceOpening;
import org.guichet.network.Channel;
import org.guichet.platform.LiveSettings;
import org.guichet.testing.Agents;
import org.guichet.testing.CountingRelay;
import org.guichet.testing.EchoUpstream;
import org.guichet.testing.FreePorts;
import org.guichet.testing.HttpAgent;
import org.guichet.testing.Nginx;
import org.guichet.testing.TestClockConfiguration;
import org.guichet.testing.WebSocketFrames;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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
 * Through a real nginx with the shipped configuration ({@code deploy/nginx/}), in front of an application that echoes
 * what it receives: the client leaves from 127.0.0.2 (the office), 127.0.0.3 (the VPN) or 127.0.0.4 (the internet).
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
class ForwardAuthNginxTests {

    private static final int PORT = FreePorts.next();
    private static final String PORTAL = ThroughNginx.portal(PORT);
    private static final String GIS = ThroughNginx.gis(PORT);

    private static EchoUpstream upstream;
    private static Nginx nginx;
    private static CountingRelay toGuichet;

    @LocalServerPort
    int guichetPort;

    @Autowired
    Agents agents;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Autowired
    ServiceCatalogue catalogue;

    @Autowired
    LiveSettings live;

    @DynamicPropertySource
    static void portal(DynamicPropertyRegistry properties) {
        properties.add("guichet.edge.portal-url", () -> PORTAL);
    }

    @BeforeAll
    static void startUpstream() throws Exception {
        upstream = new EchoUpstream();
    }

    /** nginx starts once Guichet listens (its port is known then), through a relay that counts what reaches it. */
    private void proxy() throws Exception {
        if (nginx != null) {
            return;
        }
        toGuichet = new CountingRelay(guichetPort);
        nginx = ThroughNginx.start(PORT, upstream.port(), toGuichet.port());
    }

    @AfterAll
    static void stop() throws Exception {
        if (nginx != null) {
            nginx.close();
            toGuichet.close();
        }
        upstream.close();
    }

    private static String location(HttpResponse<String> response) {
        return ThroughNginx.location(response);
    }

    private HttpAgent signedIn(String from, String login) {
        return ThroughNginx.signedIn(from, PORTAL, login, jdbc, clock);
    }

    @Test
    void gisWhenNotSignedInThenTheLoginPageAndBackToTheApplicationWithTheAgentsIdentity() throws Exception {
        proxy();
        var person = agents.create().build();
        var browser = HttpAgent.from(ThroughNginx.OFFICE, PORTAL);

        var asked = browser.get(GIS + "/maps/city?zoom=3", "text/html");
        assertThat(asked.statusCode()).as(nginx.errors()).isEqualTo(302);
        assertThat(location(asked)).startsWith(PORTAL + "/auth/return?to=");
        var portal = browser.get(location(asked), "text/html");
        assertThat(location(portal)).endsWith("/login");
        var signedIn = browser.signIn(person.login());
        assertThat(location(signedIn)).contains("/auth/return?to=");
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
                .containsPattern("x-guichet-assertion: [\\w-]+\\.[\\w-]+\\.[\\w-]+\n");
    }

    @Test
    void gisWhenHeadersAreForgedThenNoneReachesTheApplication() throws Exception {
        proxy();
        var person = agents.create().build();
        var browser = signedIn(ThroughNginx.OFFICE, person.login());

        var answer = browser.get(
                GIS + "/",
                Map.of(
                        "Remote-User", "nora.lefevre",
                        "Remote-Groups", "ADMIN",
                        "X-Guichet-Soi", "1000010",
                        "X-Guichet-Channel", "INTERNAL",
                        "X-Forwarded-For", "10.1.2.3",
                        "X-Forwarded-Prefix", "/admin",
                        "Forwarded", "for=10.1.2.3;proto=https",
                        "X-Original-URL", "http://tm.guichet.test/"));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body())
                .contains("remote-user: " + person.login() + "\n")
                .doesNotContain("nora.lefevre")
                .doesNotContain("ADMIN")
                .doesNotContain("1000010")
                .doesNotContain("10.1.2.3")
                .doesNotContain("x-forwarded-prefix")
                .doesNotContain("forwarded: for")
                .doesNotContain("x-original-url")
                // the application never gets the portal's session (it could act as the agent at the portal)
                .doesNotContainIgnoringCase("guichet_session");
    }

    @Test
    void confidentialDocumentsWhenThePathIsDisguisedThenDecidedOnThePathNginxRoutesOn() throws Exception {
        proxy();
        // at the office with a password alone: the GIS is open, the confidential documents ask a second factor
        var browser = signedIn(ThroughNginx.OFFICE, agents.create().build().login());
        assertThat(browser.get(GIS + "/confidentiel/", "text/html").statusCode())
                .isEqualTo(302);
        for (var disguised : ThroughNginx.DISGUISED_CONFIDENTIAL) {
            var answer = browser.get(GIS + disguised, "text/html");
            assertThat(answer.statusCode()).as(disguised).isIn(302, 400);
            assertThat(answer.body()).as(disguised).doesNotContain("remote-user");
        }
        // the same letters in capitals are another path for nginx: the GIS's
        assertThat(browser.get(GIS + "/CONFIDENTIEL/", "text/html").body()).contains("GET /CONFIDENTIEL/");
    }

    @Test
    void gisWhenFromTheInternetThenGuichetsExplanationNamingTheChannel() throws Exception {
        proxy();
        var person = agents.create().withTotp().withRemoteAccess().build();
        var browser = signedIn(ThroughNginx.INTERNET, person.login());

        var refused = browser.get(GIS + "/", "text/html");

        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(location(refused)).startsWith(PORTAL + "/auth/refused?service=gis&reference=");
        var page = browser.get(location(refused), "text/html");
        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body())
                .contains("data-reason=\"CHANNEL_NOT_ALLOWED\"")
                // the channel Guichet detected, and where the application opens from
                .contains("accessible depuis internet, d’où vous êtes connecté")
                .contains("Référence")
                .contains(location(refused).replaceAll(".*reference=", ""));
        // journaled as a refusal at Guichet's own door is: the service, the channel, the reference
        var reference = location(refused).replaceAll(".*reference=", "");
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(jdbc.sql(
                                        "SELECT details FROM journal_entry WHERE type = 'AccessDenied' AND subject = ?")
                                .param(person.soi())
                                .query(String.class)
                                .list())
                        .singleElement()
                        .asString()
                        .contains("gis", reference, "CHANNEL_NOT_ALLOWED"));
    }

    @Test
    void forwardWhenAskedByAnyoneButTheProxyThenRefused() throws Exception {
        proxy();
        var direct = HttpAgent.from(ThroughNginx.INTERNET, "http://127.0.0.1:" + guichetPort)
                .get("/auth/forward", Map.of("X-Original-URL", GIS + "/"));
        assertThat(direct.statusCode()).isEqualTo(403);
    }

    @Test
    void payslipsLikeApplicationWhenFromTheInternetThenOpenOnlyWithTheSecondFactorAndAnActiveRemoteAccess()
            throws Exception {
        proxy();
        // the GIS opened from the internet, as the payslips are: with a second factor and an active remote access
        catalogue.changeOpening(
                "gis",
                new ServiceOpening(Set.of(Channel.INTERNAL, Channel.VPN, Channel.NOMADIC), Map.of(), Set.of()),
                "test");
        try {
            var nomad = signedIn(
                    ThroughNginx.INTERNET,
                    agents.create().withTotp().withRemoteAccess().build().login());
            var open = nomad.get(GIS + "/payslips", "text/html");
            assertThat(open.statusCode()).isEqualTo(200);
            assertThat(open.body()).contains("x-guichet-channel: NOMADIC\n");

            var withoutRemoteAccess = signedIn(
                    ThroughNginx.INTERNET, agents.create().withTotp().build().login());
            var refused = withoutRemoteAccess.get(GIS + "/payslips", "text/html");
            assertThat(location(refused)).startsWith(PORTAL + "/auth/refused?service=gis&reference=");
            assertThat(withoutRemoteAccess.get(location(refused), "text/html").body())
                    .contains("data-reason=\"NOMADIC_PROFILE_MISSING\"");

            // with a password alone, the internet is not a channel one is signed in on: the second factor first
            var passwordOnly = HttpAgent.from(ThroughNginx.INTERNET, PORTAL);
            passwordOnly.signIn(
                    agents.create().withTotp().withRemoteAccess().build().login());
            var toSignIn = passwordOnly.get(GIS + "/payslips", "text/html");
            assertThat(location(toSignIn)).startsWith(PORTAL + "/auth/return?to=");
            assertThat(toSignIn.body()).doesNotContain("remote-user");
        } finally {
            jdbc.sql("DELETE FROM live_setting WHERE name = ?")
                    .param(ServiceOpening.live("gis"))
                    .update();
            jdbc.sql("UPDATE live_setting_version SET version = version + 1").update();
            live.refreshNow();
        }
    }

    @Test
    void decisionsWhenTakenThenCountedForPrometheusByServiceOutcomeAndKept() throws Exception {
        proxy();
        var browser = signedIn(ThroughNginx.OFFICE, agents.create().build().login());
        assertThat(browser.get(GIS + "/a", "text/html").statusCode()).isEqualTo(200);
        assertThat(browser.get(GIS + "/b", "text/html").statusCode()).isEqualTo(200);
        assertThat(HttpAgent.from(ThroughNginx.OFFICE, PORTAL)
                        .get(GIS + "/c", "text/html")
                        .statusCode())
                .isEqualTo(302);

        // scraped from this machine, a metrics address
        var metrics = new HttpAgent(guichetPort).get("/actuator/prometheus", "text/plain");

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body())
                .containsPattern("guichet_edge_decisions_seconds_count\\{cached=\"false\",outcome=\"allowed\","
                        + "service=\"gis\"\\} [1-9]")
                .containsPattern("guichet_edge_decisions_seconds_count\\{cached=\"true\",outcome=\"allowed\","
                        + "service=\"gis\"\\} [1-9]")
                .containsPattern("guichet_edge_decisions_seconds_count\\{cached=\"false\",outcome=\"sign-in\","
                        + "service=\"gis\"\\} [1-9]")
                .contains("guichet_edge_decisions_seconds_bucket{cached=\"false\",outcome=\"allowed\"");
    }

    @Test
    void gisWhenGuichetDoesNotAnswerThenAPageSaysSoNotABare500() throws Exception {
        // an nginx whose Guichet is a port nobody listens on
        var port = FreePorts.next();
        try (var alone = ThroughNginx.start(port, upstream.port(), FreePorts.next())) {
            var answer = HttpAgent.from(ThroughNginx.OFFICE, ThroughNginx.portal(port))
                    .get(ThroughNginx.gis(port) + "/maps", "text/html");

            assertThat(answer.statusCode()).isEqualTo(503);
            assertThat(answer.headers().firstValue("Retry-After")).hasValue("30");
            assertThat(answer.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
            assertThat(answer.body())
                    .contains("<html lang=\"fr\">", "Guichet ne répond pas", "lang=\"en\"", "not answering")
                    .doesNotContain("remote-user");
        }
    }

    @Test
    void webSocketWhenSignedInThenItGoesThroughToTheApplication() throws Exception {
        proxy();
        var browser = signedIn(ThroughNginx.OFFICE, agents.create().build().login());
        try (var socket = new Socket()) {
            socket.bind(new InetSocketAddress(ThroughNginx.OFFICE, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", PORT), 5000);
            socket.setSoTimeout(10_000);
            var out = socket.getOutputStream();
            out.write(("GET /live HTTP/1.1\r\nHost: gis.guichet.test:" + PORT + "\r\nUpgrade: websocket\r\n"
                            + "Connection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                            + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nCookie: "
                            + browser.cookieHeader(GIS + "/") + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            var in = socket.getInputStream();
            var head = new StringBuilder();
            while (!head.toString().endsWith("\r\n\r\n")) {
                var b = in.read();
                assertThat(b).as("the handshake's answer: " + head).isNotNegative();
                head.append((char) b);
            }
            assertThat(head.toString())
                    .startsWith("HTTP/1.1 101")
                    .contains("Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");

            out.write(WebSocketFrames.text("bonjour", true));
            assertThat(WebSocketFrames.read(in)).isEqualTo("echo: bonjour");
        }
    }

    @Test
    void uploadWhenLargeThenItReachesTheApplicationAndNotGuichet() throws Exception {
        proxy();
        var browser = signedIn(ThroughNginx.OFFICE, agents.create().build().login());
        var size = 64 * 1024 * 1024;
        var before = toGuichet.sent();

        var answer = browser.upload(GIS + "/upload", new byte[size]);

        assertThat(answer.statusCode()).as(nginx.errors()).isEqualTo(200);
        assertThat(answer.body()).startsWith("POST /upload").contains("body-bytes: " + size + "\n");
        // what reached Guichet meanwhile: the decision's request line and headers, never the body
        assertThat(toGuichet.sent() - before).isLessThan(64 * 1024);
    }
}
