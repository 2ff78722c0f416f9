package org.guichet.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Map;
import org.guichet.testing.Agents;
import org.guichet.testing.EchoUpstream;
import org.guichet.testing.HttpAgent;
import org.guichet.testing.Nginx;
import org.guichet.testing.TestClockConfiguration;
import org.guichet.testing.Totp;
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
            "guichet.access.trusted-proxies=127.0.0.1/32",
            "guichet.access.internal-networks=127.0.0.2/32",
            "guichet.access.vpn-networks=127.0.0.3/32",
            "GUICHET_GIS_HOST=gis.guichet.test",
            "GUICHET_TECHNICAL_MANAGEMENT_HOST=tm.guichet.test",
            "guichet.session.cookie-domain=guichet.test"
        })
@ActiveProfiles({"test", "demo"})
@Import({TestClockConfiguration.class, Agents.class})
class ForwardAuthNginxTests {

    private static final String OFFICE = "127.0.0.2";
    private static final String INTERNET = "127.0.0.4";
    private static final int PORT = Nginx.freePort();
    private static final String PORTAL = "http://portal.guichet.test:" + PORT;
    private static final String GIS = "http://gis.guichet.test:" + PORT;

    private static EchoUpstream upstream;
    private static Nginx nginx;

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

    /** nginx starts once Guichet listens (its port is known then). */
    private void proxy() throws Exception {
        if (nginx != null) {
            return;
        }
        var echo = "127.0.0.1:" + upstream.port();
        nginx = Nginx.start(
                PORT,
                Map.of(
                        "127.0.0.1:8080",
                        "127.0.0.1:" + guichetPort,
                        "127.0.0.1:9091",
                        echo,
                        "127.0.0.1:9092",
                        echo,
                        "127.0.0.1:9093",
                        echo,
                        "guichet.localhost",
                        "portal.guichet.test",
                        "gis.localhost",
                        "gis.guichet.test",
                        "tm.localhost",
                        "tm.guichet.test"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (nginx != null) {
            nginx.close();
        }
        upstream.close();
    }

    private static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElse("");
    }

    /** Signs in at the portal through nginx, with the authenticator app when the channel asks for it. */
    private HttpAgent signedIn(String from, String login) {
        var browser = HttpAgent.from(from, PORTAL);
        browser.signIn(login);
        if (location(browser.get("/", "text/html")).endsWith("/sign-in/second-factor")) {
            var soi = jdbc.sql("SELECT soi FROM agent WHERE login = ?")
                    .param(login)
                    .query(String.class)
                    .single();
            jdbc.sql("UPDATE totp_credential SET last_step = NULL WHERE soi = ?")
                    .param(soi)
                    .update();
            var done = browser.submit(
                    "/sign-in/second-factor",
                    "/sign-in/second-factor/totp",
                    Map.of("code", Totp.demo(clock.instant())));
            assertThat(location(done)).endsWith("/sign-in/continue");
            browser.get("/sign-in/continue", "text/html");
        }
        return browser;
    }

    @Test
    void gisWhenNotSignedInThenTheLoginPageAndBackToTheApplicationWithTheAgentsIdentity() throws Exception {
        proxy();
        var person = agents.create().build();
        var browser = HttpAgent.from(OFFICE, PORTAL);

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
                .contains("x-forwarded-for: " + OFFICE + "\n")
                .containsPattern("x-guichet-assertion: [\\w-]+\\.[\\w-]+\\.[\\w-]+\n");
    }

    @Test
    void gisWhenHeadersAreForgedThenNoneReachesTheApplication() throws Exception {
        proxy();
        var person = agents.create().build();
        var browser = signedIn(OFFICE, person.login());

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
                .doesNotContain("x-original-url");
    }

    @Test
    void confidentialDocumentsWhenThePathIsDisguisedThenDecidedOnThePathNginxRoutesOn() throws Exception {
        proxy();
        // at the office with a password alone: the GIS is open, the confidential documents ask a second factor
        var browser = signedIn(OFFICE, agents.create().build().login());
        assertThat(browser.get(GIS + "/confidentiel/", "text/html").statusCode())
                .isEqualTo(302);
        for (var disguised : new String[] {
            "//confidentiel/",
            "/maps/../confidentiel/",
            "/maps/%2e%2e/confidentiel/",
            "/%2Fconfidentiel/",
            "/maps/..%2Fconfidentiel/x",
            "/confidentiel;jsessionid=1/",
            "/./confidentiel/"
        }) {
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
        var browser = signedIn(INTERNET, person.login());

        var refused = browser.get(GIS + "/", "text/html");

        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(location(refused)).startsWith(PORTAL + "/auth/refused?service=gis&reference=");
        var page = browser.get(location(refused), "text/html");
        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body())
                .contains("data-reason=\"CHANNEL_NOT_ALLOWED\"")
                .contains("Référence")
                .contains(location(refused).replaceAll(".*reference=", ""));
    }

    @Test
    void forwardWhenAskedByAnyoneButTheProxyThenRefused() throws Exception {
        proxy();
        var direct = HttpAgent.from(INTERNET, "http://127.0.0.1:" + guichetPort)
                .get("/auth/forward", Map.of("X-Original-URL", GIS + "/"));
        assertThat(direct.statusCode()).isEqualTo(403);
    }
}
