package org.guichet.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.guichet.access.ServiceCatalogue;
import org.guichet.access.ServiceOpening;
import org.guichet.network.Channel;
import org.guichet.platform.LiveSettings;
import org.guichet.testing.Agents;
import org.guichet.testing.Chromium;
import org.guichet.testing.Demo;
import org.guichet.testing.EchoUpstream;
import org.guichet.testing.FreePorts;
import org.guichet.testing.Nginx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What a person sees of an application published through nginx, in a real Chromium: the application's address, the
 * portal's sign-in, and back to the application with the agent known to it; a refusal explained by the portal. The
 * browser resolves the test's hosts ({@code *.guichet.test}) to nginx on 127.0.0.1, the office for this Guichet.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            ThroughNginx.TRUSTED_PROXY,
            "guichet.access.internal-networks=127.0.0.1/32",
            ThroughNginx.GIS_HOST,
            ThroughNginx.TM_HOST,
            ThroughNginx.COOKIE_DOMAIN
        })
@ActiveProfiles({"test", "demo"})
@Import(Agents.class)
class ForwardAuthBrowserTests {

    private static final int PORT = FreePorts.next();
    private static final String PORTAL = ThroughNginx.portal(PORT);
    private static final String GIS = ThroughNginx.gis(PORT);

    private static EchoUpstream upstream;
    private static Nginx nginx;
    private static ChromeDriver chrome;

    @LocalServerPort
    int guichetPort;

    @Autowired
    Agents agents;

    @Autowired
    ServiceCatalogue catalogue;

    @Autowired
    LiveSettings live;

    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void portal(DynamicPropertyRegistry properties) {
        properties.add("guichet.edge.portal-url", () -> PORTAL);
    }

    @BeforeAll
    static void startBrowser() throws Exception {
        assumeFalse(Chromium.skipped(), "browser tests skipped by -D" + Chromium.SKIP_PROPERTY + "=true");
        upstream = new EchoUpstream();
        chrome = Chromium.start(1280, 1000, "--host-resolver-rules=MAP *.guichet.test 127.0.0.1");
    }

    @AfterAll
    static void stop() throws Exception {
        if (chrome != null) {
            chrome.quit();
        }
        if (nginx != null) {
            nginx.close();
        }
        if (upstream != null) {
            upstream.close();
        }
    }

    @BeforeEach
    void newBrowserAndProxy() throws Exception {
        if (nginx == null) {
            nginx = ThroughNginx.start(PORT, upstream.port(), guichetPort);
        }
        chrome.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        chrome.manage().window().setSize(new Dimension(1280, 1000));
    }

    private WebDriverWait waiting() {
        var wait = new WebDriverWait(chrome, Duration.ofSeconds(15));
        wait.withMessage(() -> "at " + chrome.getCurrentUrl() + ": "
                + chrome.findElement(By.tagName("body")).getText());
        return wait;
    }

    private void signInOnThePortal(String login) {
        waiting().until(driver -> driver.getCurrentUrl().startsWith(PORTAL + "/login"));
        chrome.findElement(By.id("username")).sendKeys(login);
        chrome.findElement(By.id("password")).sendKeys(Demo.PASSWORD);
        chrome.findElement(By.cssSelector("form.form button[type=submit]")).click();
    }

    private void atBothSizes(String name) {
        assertThat(Chromium.accessibilityViolations(chrome)).as(name).isEmpty();
        Chromium.screenshot(chrome, name + "-desktop");
        chrome.manage().window().setSize(new Dimension(390, 844));
        Chromium.screenshot(chrome, name + "-phone");
        chrome.manage().window().setSize(new Dimension(1280, 1000));
    }

    @Test
    void gisWhenNotSignedInThenThePortalsSignInAndBackToTheApplicationWithTheAgentKnown() throws Exception {
        var person = agents.create().build();

        chrome.get(GIS + "/maps/city?zoom=3");
        waiting().until(driver -> driver.getCurrentUrl().startsWith(PORTAL + "/login"));
        atBothSizes("edge-sign-in");
        signInOnThePortal(person.login());

        waiting().until(driver -> driver.getCurrentUrl().equals(GIS + "/maps/city?zoom=3"));
        var shown = chrome.findElement(By.tagName("body")).getText();
        assertThat(shown)
                .as(nginx.errors())
                .startsWith("GET /maps/city\n")
                .contains("remote-user: " + person.login())
                .contains("x-guichet-channel: INTERNAL")
                .doesNotContainIgnoringCase("guichet_session");
        Chromium.screenshot(chrome, "edge-back-at-the-application-desktop");

        // the next page of the application needs no sign-in
        chrome.get(GIS + "/maps/roads");
        assertThat(chrome.findElement(By.tagName("body")).getText())
                .startsWith("GET /maps/roads\n")
                .contains("remote-user: " + person.login());
    }

    @Test
    void gisWhenClosedToTheOfficeThenThePortalExplainsItAfterTheSignIn() {
        catalogue.changeOpening("gis", new ServiceOpening(Set.of(Channel.VPN), Map.of(), Set.of()), "test");
        try {
            chrome.get(GIS + "/");
            signInOnThePortal(agents.create().build().login());

            waiting().until(driver -> driver.getCurrentUrl().startsWith(PORTAL + "/auth/refused?service=gis"));
            var refusal = chrome.findElement(By.cssSelector("[data-reason]"));
            assertThat(refusal.getAttribute("data-reason")).isEqualTo("CHANNEL_NOT_ALLOWED");
            assertThat(refusal.getText()).contains("réseau de la ville", "VPN");
            assertThat(chrome.findElement(By.cssSelector(".reference strong")).getText())
                    .matches("[0-9A-F]{10}");
            atBothSizes("edge-refused-from-the-office");
        } finally {
            jdbc.sql("DELETE FROM live_setting WHERE name = ?")
                    .param(ServiceOpening.live("gis"))
                    .update();
            jdbc.sql("UPDATE live_setting_version SET version = version + 1").update();
            live.refreshNow();
        }
    }
}
