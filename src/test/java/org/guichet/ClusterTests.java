package org.guichet;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.guichet.testing.Chromium;
import org.guichet.testing.Cluster;
import org.guichet.testing.Demo;
import org.guichet.testing.HttpAgent;
import org.guichet.testing.TestData;
import org.guichet.testing.Totp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;

/**
 * Several nodes, proven under faults: two Guichet processes on one PostgreSQL behind a real HAProxy (round robin, no
 * sticky session), nodes killed and restarted while agents use them. Nothing of a sign-in or a session lives in a
 * node's memory, so what a dead node began another one finishes. The cluster has a PostgreSQL server of its own
 * (Debian's, started by {@link Cluster}), whatever database the other tests use.
 */
@Timeout(value = 10, unit = java.util.concurrent.TimeUnit.MINUTES)
class ClusterTests {

    private static Cluster cluster;

    @BeforeAll
    static void start() throws Exception {
        cluster = Cluster.start(2);
    }

    @AfterAll
    static void stop() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @AfterEach
    void everyNodeBack() throws Exception {
        cluster.heal();
    }

    private static String node(HttpResponse<?> answer) {
        return answer.headers().firstValue("X-Guichet-Node").orElse("?");
    }

    private static String loginOf(String soi) {
        return cluster.jdbc()
                .sql("SELECT login FROM agent WHERE soi = ?")
                .param(soi)
                .query(String.class)
                .single();
    }

    @Test
    void signInWhenTheNodeThatCheckedThePasswordIsKilledThenTheAgentFinishesOnAnother() throws Exception {
        // over the VPN: the password, then the authenticator app's code (a demo account with the demo's app)
        var login = loginOf("1000002");
        cluster.jdbc()
                .sql("UPDATE totp_credential SET last_step = NULL WHERE soi = '1000002'")
                .update();
        var browser = cluster.browser(TestData.vpnAddress());

        var password = browser.submit("/login", "/login", Map.of("username", login, "password", Demo.PASSWORD));
        assertThat(password.statusCode()).isEqualTo(302);
        var checkedBy = node(password);
        assertThat(checkedBy).startsWith("n");
        cluster.kill(cluster.node(checkedBy));

        var asked = browser.get("/", "text/html");
        assertThat(asked.headers().firstValue("Location").orElse("")).endsWith("/sign-in/second-factor");
        var code = browser.submit(
                "/sign-in/second-factor",
                "/sign-in/second-factor/totp",
                Map.of("code", Totp.demo(Clock.systemUTC().instant())));
        assertThat(code.headers().firstValue("Location").orElse(""))
                .as(code.body())
                .endsWith("/sign-in/continue");
        var next = browser.get("/sign-in/continue", "text/html");
        var home = browser.get("/", "text/html");

        assertThat(home.statusCode())
                .as(next.statusCode() + " " + next.headers().map() + " then "
                        + home.headers().map())
                .isEqualTo(200);
        assertThat(node(home)).isNotEqualTo(checkedBy);
        var me = browser.get("/api/v1/me", "application/json");
        assertThat(me.body()).contains("\"login\":\"" + login + "\"", "\"assurance\":\"MFA\"");
    }

    @Test
    void rollingRestartWhenAgentsAreWorkingThenNoSessionIsLostAndNoRequestFails() throws Exception {
        var browsers = new ArrayList<HttpAgent>();
        for (var soi : List.of("1000003", "1000004", "1000005")) {
            var browser = cluster.browser(TestData.officeAddress());
            browser.signInWithSecondFactor(loginOf(soi), cluster.jdbc(), Clock.systemUTC());
            assertThat(browser.get("/api/v1/me", "application/json").statusCode())
                    .isEqualTo(200);
            browsers.add(browser);
        }
        var answers = new ConcurrentHashMap<String, AtomicInteger>();
        var byNode = new ConcurrentHashMap<String, AtomicInteger>();
        var failures = new ConcurrentHashMap<String, String>();
        var working = new AtomicBoolean(true);
        var threads = browsers.stream()
                .map(browser -> Thread.ofPlatform().start(() -> {
                    while (working.get()) {
                        try {
                            var me = browser.get("/api/v1/me", "application/json");
                            answers.computeIfAbsent(String.valueOf(me.statusCode()), k -> new AtomicInteger())
                                    .incrementAndGet();
                            byNode.computeIfAbsent(node(me), k -> new AtomicInteger())
                                    .incrementAndGet();
                            if (me.statusCode() != 200) {
                                failures.putIfAbsent(me.statusCode() + " from " + node(me), me.body());
                            }
                            Thread.sleep(20);
                        } catch (Exception e) {
                            answers.computeIfAbsent(e.getClass().getSimpleName(), k -> new AtomicInteger())
                                    .incrementAndGet();
                            failures.putIfAbsent(e.getClass().getSimpleName(), String.valueOf(e.getMessage()));
                        }
                    }
                }))
                .toList();

        Thread.sleep(2_000);
        for (var node : cluster.nodes()) {
            var began = Instant.now();
            cluster.stop(node);
            cluster.restart(node);
            System.out.printf(
                    "rolling restart: %s stopped and ready again in %d ms%n",
                    node.name, Duration.between(began, Instant.now()).toMillis());
        }
        Thread.sleep(2_000);
        working.set(false);
        for (var thread : threads) {
            thread.join();
        }

        System.out.println("rolling restart: answers " + answers + ", by node " + byNode);
        assertThat(failures)
                .as("answers other than 200 during the rolling restart")
                .isEmpty();
        assertThat(answers.get("200").get()).isGreaterThan(100);
        assertThat(byNode.keySet())
                .containsAll(cluster.nodes().stream().map(n -> n.name).toList());
    }

    @Test
    void databaseRestartedWhenAgentsAreWorkingThenA503AtOnceAndEveryNodeServesAgainWithTheSameSessions()
            throws Exception {
        var browser = cluster.browser(TestData.officeAddress());
        browser.signInWithSecondFactor(loginOf("1000004"), cluster.jdbc(), Clock.systemUTC());
        assertThat(browser.get("/api/v1/me", "application/json").statusCode()).isEqualTo(200);
        // another agent has the sign-in page open (its session and CSRF token are in the database)
        var other = cluster.browser(TestData.officeAddress());
        var form = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
                .matcher(other.get("/login", "text/html").body());
        assertThat(form.find()).isTrue();
        var otherLogin = loginOf("1000005");

        cluster.database().stop("immediate");
        var began = Instant.now();
        var api = browser.get("/api/v1/me", "application/json");
        var page = browser.get("/", "text/html");
        var signIn = other.postForm(
                "/login",
                Map.of("username", otherLogin, "password", Demo.PASSWORD, "_csrf", form.group(1)),
                "text/html");
        var answeredIn = Duration.between(began, Instant.now());

        assertThat(api.statusCode()).as(api.body()).isEqualTo(503);
        assertThat(api.headers().firstValue("Retry-After")).contains("5");
        assertThat(api.body()).contains("\"errorCode\":\"SERVICE_UNAVAILABLE\"");
        assertThat(page.statusCode()).isEqualTo(503);
        assertThat(page.body()).contains("Service momentanément indisponible").doesNotContain("Exception");
        assertThat(signIn.statusCode())
                .as("a sign-in while the database is away")
                .isEqualTo(503);
        assertThat(signIn.body()).contains("Service momentanément indisponible");
        // three requests, each answered within the pool's wait (3 s), not after a 30 s hang
        assertThat(answeredIn).isLessThan(Duration.ofSeconds(15));
        whatAPersonSees("http://127.0.0.1:" + cluster.port + "/login");
        // the nodes stay in the balancer's round (their own page is better than the balancer's), and what needs no
        // database still works: the page's style sheet
        for (var node : cluster.nodes()) {
            assertThat(new HttpAgent(node.port)
                            .get("/actuator/health/readiness", "application/json")
                            .statusCode())
                    .as(node.name + " ready while the database is away")
                    .isEqualTo(200);
        }
        assertThat(other.get("/css/guichet.css", "text/css").statusCode()).isEqualTo(200);

        cluster.database().startAgain();
        var back = Instant.now();
        for (var node : cluster.nodes()) {
            var direct = browser.onPort(node.port);
            org.awaitility.Awaitility.await()
                    .atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> direct.get("/api/v1/me", "application/json").statusCode() == 200);
        }
        System.out.printf(
                "database restart: every node served the same session again %d ms after the database started%n",
                Duration.between(back, Instant.now()).toMillis());
        assertThat(browser.get("/", "text/html").statusCode()).isEqualTo(200);
    }

    /** The page a person gets while the database is away, in a real browser: accessible, at phone and desktop size. */
    private static void whatAPersonSees(String url) {
        if (Chromium.skipped()) {
            return;
        }
        var chrome = Chromium.start(390, 844);
        try {
            chrome.get(url);
            assertThat(chrome.findElement(By.tagName("h1")).getText()).isEqualTo("Service momentanément indisponible");
            assertThat(Chromium.accessibilityViolations(chrome)).isEmpty();
            assertThat(chrome.executeScript(
                            "return document.styleSheets.length && document.styleSheets[0].cssRules.length"))
                    .as("the style sheet came")
                    .isNotEqualTo(0L);
            Chromium.fullPageScreenshot(chrome, "database-unreachable-phone");
            chrome.manage().window().setSize(new Dimension(1280, 1000));
            Chromium.fullPageScreenshot(chrome, "database-unreachable-desktop");
        } finally {
            chrome.quit();
        }
    }
}
