package org.guichet.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.guichet.GuichetApplication;
import org.guichet.access.NomadicProfiles;
import org.guichet.access.ServiceCatalogue;
import org.guichet.access.ServiceOpening;
import org.guichet.directory.DirectoryManagement;
import org.guichet.network.Channel;
import org.guichet.platform.LiveSettings;
import org.guichet.session.SessionManagement;
import org.guichet.session.SessionRevoked;
import org.guichet.testing.Agents;
import org.guichet.testing.EchoUpstream;
import org.guichet.testing.FreePorts;
import org.guichet.testing.HttpAgent;
import org.guichet.testing.Nginx;
import org.guichet.testing.TestClockConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What revokes an agent's way into a published application reaches both nodes behind nginx within 5 seconds: the
 * agent signing out, a session closed by the helpdesk, a suspension, a remote access that ends, a service's opening
 * changed. Each change is made on one node (this test's, or for the sign-out whichever nginx chose); both nodes are asked (each directly, as nginx asks it, and then
 * through nginx) until they refuse, each having first kept an allowing decision.
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
class ForwardAuthRevocationTests {

    /** What the issue promises: every node and every published application within 5 seconds. */
    private static final Duration BOUND = Duration.ofSeconds(5);

    private static final int PORT = FreePorts.next();
    private static final String PORTAL = ThroughNginx.portal(PORT);
    private static final String GIS = ThroughNginx.gis(PORT);

    private static EchoUpstream upstream;
    private static ConfigurableApplicationContext secondNode;
    private static Nginx nginx;

    private final HttpClient proxy = HttpClient.newHttpClient();

    @LocalServerPort
    int firstPort;

    @Autowired
    Agents agents;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Autowired
    SessionManagement sessions;

    @Autowired
    DirectoryManagement directory;

    @Autowired
    NomadicProfiles remoteAccess;

    @Autowired
    ServiceCatalogue catalogue;

    @Autowired
    LiveSettings live;

    @DynamicPropertySource
    static void portal(DynamicPropertyRegistry properties) {
        properties.add("guichet.edge.portal-url", () -> PORTAL);
    }

    @BeforeAll
    static void startSecondNode() throws Exception {
        upstream = new EchoUpstream();
        // the same database, its own port, the same settings: another node
        secondNode = new SpringApplicationBuilder(GuichetApplication.class)
                .profiles("test", "demo")
                .properties(ThroughNginx.properties(PORTAL))
                .properties(Map.of("server.port", "0", "spring.main.banner-mode", "off"))
                .run();
    }

    @AfterAll
    static void stop() throws Exception {
        if (nginx != null) {
            nginx.close();
        }
        secondNode.close();
        upstream.close();
    }

    private int secondPort() {
        return ((WebServerApplicationContext) secondNode).getWebServer().getPort();
    }

    /** nginx in front of both nodes (round robin), once this node listens. */
    private void proxyBothNodes() throws Exception {
        if (nginx == null) {
            nginx = ThroughNginx.start(PORT, upstream.port(), firstPort, secondPort());
        }
    }

    private HttpAgent signedIn(String from, String login) throws Exception {
        proxyBothNodes();
        return ThroughNginx.signedIn(from, PORTAL, login, jdbc, clock);
    }

    /** The status one node answers nginx's subrequest for this browser's request to the GIS. */
    private int decision(int node, HttpAgent browser, String from) throws Exception {
        var asked = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node + "/auth/forward"))
                .header("Cookie", browser.cookieHeader(GIS + "/"))
                .header("X-Original-URL", GIS + "/maps")
                .header("X-Original-Method", "GET")
                .header("X-Forwarded-For", from)
                .header("X-Forwarded-Proto", "http")
                .timeout(Duration.ofSeconds(5))
                .build();
        return proxy.send(asked, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** Both nodes let the browser through, and each keeps that decision. */
    private void openOnBothNodes(HttpAgent browser, String from) throws Exception {
        for (var node : new int[] {firstPort, secondPort()}) {
            assertThat(decision(node, browser, from)).isEqualTo(200);
        }
        assertThat(browser.get(GIS + "/maps", "text/html").statusCode())
                .as(nginx.errors())
                .isEqualTo(200);
    }

    /**
     * How long after the change both nodes refuse, asked every 100 ms; then, through nginx (which asks either node),
     * the application is closed to the browser on every request.
     */
    private Duration refusedOnBothNodes(HttpAgent browser, String from, long changedAt) throws Exception {
        var first = -1L;
        var second = -1L;
        var deadline = changedAt + BOUND.toNanos() + Duration.ofSeconds(5).toNanos();
        while ((first < 0 || second < 0) && System.nanoTime() < deadline) {
            if (first < 0 && decision(firstPort, browser, from) != 200) {
                first = System.nanoTime();
            }
            if (second < 0 && decision(secondPort(), browser, from) != 200) {
                second = System.nanoTime();
            }
            Thread.sleep(100);
        }
        assertThat(first).as("the node that made the change refused").isPositive();
        assertThat(second).as("the other node refused").isPositive();
        IntStream.range(0, 4)
                .forEach(request -> assertThat(
                                browser.get(GIS + "/maps", "text/html").body())
                        .doesNotContain("remote-user"));
        var took = Duration.ofNanos(Math.max(first, second) - changedAt);
        LoggerFactory.getLogger(ForwardAuthRevocationTests.class)
                .info(
                        "Refused after {} ms on the node that changed, {} ms on the other",
                        Duration.ofNanos(first - changedAt).toMillis(),
                        Duration.ofNanos(second - changedAt).toMillis());
        return took;
    }

    @Test
    void signOutWhenOnOneNodeThenBothRefuseWithinFiveSeconds() throws Exception {
        var browser = signedIn(ThroughNginx.OFFICE, agents.create().build().login());
        openOnBothNodes(browser, ThroughNginx.OFFICE);

        var changedAt = System.nanoTime();
        // through nginx: whichever node takes the sign-out, the other learns it from the database
        var out = browser.submit("/", "/logout", Map.of());
        assertThat(out.statusCode()).isEqualTo(302);

        assertThat(refusedOnBothNodes(browser, ThroughNginx.OFFICE, changedAt)).isLessThanOrEqualTo(BOUND);
    }

    @Test
    void sessionWhenClosedByTheHelpdeskThenBothRefuseWithinFiveSeconds() throws Exception {
        var person = agents.create().build();
        var browser = signedIn(ThroughNginx.OFFICE, person.login());
        openOnBothNodes(browser, ThroughNginx.OFFICE);

        var changedAt = System.nanoTime();
        assertThat(sessions.revokeAll(person.id(), SessionRevoked.Cause.HELPDESK))
                .isPositive();

        assertThat(refusedOnBothNodes(browser, ThroughNginx.OFFICE, changedAt)).isLessThanOrEqualTo(BOUND);
    }

    @Test
    void agentWhenSuspendedThenBothRefuseWithinFiveSeconds() throws Exception {
        var person = agents.create().build();
        var browser = signedIn(ThroughNginx.OFFICE, person.login());
        openOnBothNodes(browser, ThroughNginx.OFFICE);

        var changedAt = System.nanoTime();
        var report = directory.importAgents(
                new ByteArrayInputStream("soi;first_name;last_name;department;status\n%s;%s;%s;%s;suspended\n"
                        .formatted(person.soi(), person.firstName(), person.lastName(), person.department())
                        .getBytes(StandardCharsets.UTF_8)));
        assertThat(report.rejected()).isEmpty();
        assertThat(report.updated()).isEqualTo(1);

        assertThat(refusedOnBothNodes(browser, ThroughNginx.OFFICE, changedAt)).isLessThanOrEqualTo(BOUND);
    }

    @Test
    void remoteAccessWhenItEndsThenBothRefuseWithinFiveSeconds() throws Exception {
        var person = agents.create().withTotp().withRemoteAccess().build();
        catalogue.changeOpening(
                "gis",
                new ServiceOpening(Set.of(Channel.INTERNAL, Channel.VPN, Channel.NOMADIC), Map.of(), Set.of()),
                "test");
        try {
            live.refreshNow();
            secondNode.getBean(LiveSettings.class).refreshNow();
            var browser = signedIn(ThroughNginx.INTERNET, person.login());
            openOnBothNodes(browser, ThroughNginx.INTERNET);

            var changedAt = System.nanoTime();
            assertThat(remoteAccess.deactivate(person.id(), "test")).isTrue();

            assertThat(refusedOnBothNodes(browser, ThroughNginx.INTERNET, changedAt))
                    .isLessThanOrEqualTo(BOUND);
        } finally {
            closeGisToTheInternetAgain();
        }
    }

    @Test
    void openingWhenTheServiceIsClosedToTheChannelThenBothRefuseWithinFiveSeconds() throws Exception {
        var browser = signedIn(ThroughNginx.OFFICE, agents.create().build().login());
        openOnBothNodes(browser, ThroughNginx.OFFICE);
        try {
            var changedAt = System.nanoTime();
            // an administrator closes the GIS to the office (on this node; the other learns it from the database)
            catalogue.changeOpening("gis", new ServiceOpening(Set.of(Channel.VPN), Map.of(), Set.of()), "test");

            assertThat(refusedOnBothNodes(browser, ThroughNginx.OFFICE, changedAt))
                    .isLessThanOrEqualTo(BOUND);
        } finally {
            closeGisToTheInternetAgain();
        }
    }

    /** The GIS's opening back to the configuration's, on both nodes. */
    private void closeGisToTheInternetAgain() {
        jdbc.sql("DELETE FROM live_setting WHERE name = ?")
                .param(ServiceOpening.live("gis"))
                .update();
        jdbc.sql("UPDATE live_setting_version SET version = version + 1").update();
        live.refreshNow();
        secondNode.getBean(LiveSettings.class).refreshNow();
    }
}
