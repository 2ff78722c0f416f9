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
import org.guichet.testing.AtOnce;
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
 * node's memory, so what a dead node began another one finishes, once; counters are the database's, so they count
 * every node's. The cluster has a PostgreSQL server of its own (Debian's, started by {@link Cluster}), whatever
 * database the other tests use.
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

        // an agent signs in just as the database goes: the sign-in's journal entry is written after its commit, by a
        // listener the crash may interrupt; the event publication registry must complete it once the database is back
        var justBefore = cluster.browser(TestData.officeAddress());
        var signedInAt = Instant.now().minusSeconds(1);
        justBefore.signIn(loginOf("1000009"));
        var incompleteBefore = incompletePublications();

        cluster.database().stop("immediate");
        var began = Instant.now();
        var api = browser.get("/api/v1/me", "application/json");
        var page = browser.get("/", "text/html");
        var signIn = other.postForm(
                "/login",
                Map.of("username", otherLogin, "password", Demo.PASSWORD, "_csrf", form.group(1)),
                "text/html");
        var answeredIn = Duration.between(began, Instant.now());
        System.out.printf(
                "database crash: the API, a page and a sign-in answered 503 in %d ms together%n",
                answeredIn.toMillis());

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

        // nothing lost: the sign-in is in the journal, no event is left unfinished, and the chain verifies
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    assertThat(cluster.jdbc()
                                    .sql(
                                            "SELECT COUNT(*) FROM journal_entry WHERE type = 'SignedIn' AND subject = '1000009'"
                                                    + " AND at >= ?")
                                    .param(java.sql.Timestamp.from(signedInAt))
                                    .query(Integer.class)
                                    .single())
                            .isEqualTo(1);
                    assertThat(incompletePublications()).isLessThanOrEqualTo(incompleteBefore);
                });
        var officer = cluster.browser(TestData.officeAddress());
        officer.signInWithSecondFactor(loginOf("1000005"), cluster.jdbc(), Clock.systemUTC());
        assertThat(officer.get("/api/v1/audit/verify", "application/json").body())
                .contains("\"valid\":true");
    }

    /** Events whose listeners have not all finished (Spring Modulith's registry). */
    private static int incompletePublications() {
        return cluster.jdbc()
                .sql("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL")
                .query(Integer.class)
                .single();
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

    @Test
    void wrongPasswordsWhenAHundredAreSpreadOverTheNodesThenTheCounterSaysAHundred() throws Exception {
        var identifier = "nobody." + java.util.UUID.randomUUID().toString().substring(0, 8);
        // a hundred browsers from a hundred addresses (the per-address limit is not what is counted here)
        var forms = new ArrayList<java.util.Map.Entry<HttpAgent, String>>();
        for (int i = 0; i < 100; i++) {
            var browser = cluster.browser(TestData.address());
            var form = CSRF.matcher(browser.get("/login", "text/html").body());
            assertThat(form.find()).isTrue();
            forms.add(java.util.Map.entry(browser, form.group(1)));
        }
        var byNode = new ConcurrentHashMap<String, AtomicInteger>();
        var statuses = new ConcurrentHashMap<Integer, AtomicInteger>();
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(20)) {
            var answers = pool.invokeAll(forms.stream()
                    .map(form -> (java.util.concurrent.Callable<HttpResponse<String>>) () -> form.getKey()
                            .postForm(
                                    "/login",
                                    Map.of(
                                            "username",
                                            identifier,
                                            "password",
                                            "Wrong-password-1",
                                            "_csrf",
                                            form.getValue()),
                                    "text/html"))
                    .toList());
            for (var answer : answers) {
                statuses.computeIfAbsent(answer.get().statusCode(), k -> new AtomicInteger())
                        .incrementAndGet();
                byNode.computeIfAbsent(node(answer.get()), k -> new AtomicInteger())
                        .incrementAndGet();
            }
        }

        System.out.println("wrong passwords: answers " + statuses + ", by node " + byNode);
        assertThat(statuses.keySet()).as("refused, then refused as locked").isSubsetOf(302, 429);
        assertThat(byNode.keySet())
                .containsAll(cluster.nodes().stream().map(n -> n.name).toList());
        var failures = cluster.jdbc()
                .sql("SELECT failures FROM login_throttle WHERE throttle_key = ?")
                .param(org.guichet.identity.signin.Lockout.identifierKey(identifier))
                .query(Integer.class)
                .single();
        assertThat(failures).isEqualTo(100);
    }

    @Test
    void approvalWhenTheNodeDecidingIsKilledThenTheManagerDecidesAgainAndItHappensOnce() throws Exception {
        var requester = loginOf("1000007");
        var managerSoi = cluster.jdbc()
                .sql("SELECT manager_soi FROM agent WHERE soi = '1000007'")
                .query(String.class)
                .single();
        var agent = cluster.browser(TestData.officeAddress());
        agent.signInWithSecondFactor(requester, cluster.jdbc(), Clock.systemUTC());
        var day = java.time.LocalDate.now().plusMonths(2).withDayOfMonth(10);
        var asked = agent.postJson(
                "/api/v1/leave/requests",
                "{\"type\":\"ANNUAL\",\"start\":\"" + day + "\",\"end\":\"" + day.plusDays(1) + "\"}");
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(201);
        var manager = cluster.browser(TestData.officeAddress());
        manager.signInWithSecondFactor(loginOf(managerSoi), cluster.jdbc(), Clock.systemUTC());
        var item = cluster.jdbc()
                .sql("SELECT id FROM approval WHERE requester_soi = '1000007' AND state = 'PENDING' AND starts_on = ?")
                .param(day)
                .query(String.class)
                .single();
        var token = manager.csrfToken();
        var approve = Map.of("Content-Type", "application/json", "Accept", "application/json", "X-CSRF-TOKEN", token);

        // the manager's click reaches n1, which is killed while it decides
        var doomed = cluster.node("n1");
        var first = Thread.ofPlatform().start(() -> {
            try {
                manager.onPort(doomed.port).post("/api/v1/approvals/" + item + "/approve", approve, "{}");
            } catch (RuntimeException lost) {
                // the answer never came
            }
        });
        Thread.sleep(40);
        cluster.kill(doomed);
        first.join();
        // the manager clicks again: the balancer sends it to the node that lives
        var again = manager.post("/api/v1/approvals/" + item + "/approve", approve, "{}");
        System.out.println("approval on a killed node: the click again answered " + again.statusCode());
        assertThat(again.statusCode()).as(again.body()).isLessThan(500);

        assertThat(cluster.jdbc()
                        .sql("SELECT state FROM approval WHERE id = CAST(? AS UUID)")
                        .param(item)
                        .query(String.class)
                        .single())
                .isEqualTo("APPROVED");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> decisionsJournaled(item) >= 1);
        Thread.sleep(2_000);
        assertThat(decisionsJournaled(item)).as("one decision in the journal").isEqualTo(1);
    }

    @Test
    void totpWhenTheSameCodeReachesBothNodesAtOnceThenOneSignInTakesIt() throws Exception {
        // two browsers past the password for the same agent, over the VPN (where the app's code is asked)
        var login = loginOf("1000003");
        cluster.jdbc()
                .sql("UPDATE totp_credential SET last_step = NULL WHERE soi = '1000003'")
                .update();
        var browsers = new ArrayList<HttpAgent>();
        for (var node : cluster.nodes()) {
            var browser = cluster.browser(TestData.vpnAddress());
            var password = browser.submit("/login", "/login", Map.of("username", login, "password", Demo.PASSWORD));
            assertThat(password.statusCode()).isEqualTo(302);
            assertThat(browser.get("/", "text/html")
                            .headers()
                            .firstValue("Location")
                            .orElse(""))
                    .endsWith("/sign-in/second-factor");
            browsers.add(browser.onPort(node.port));
        }

        // the same code, seen over the shoulder or phished, typed in both at the same moment, one on each node
        var code = Totp.demo(Clock.systemUTC().instant());
        var answers = AtOnce.call(browsers.stream()
                .map(browser -> (java.util.concurrent.Callable<HttpResponse<String>>) () ->
                        browser.submit("/sign-in/second-factor", "/sign-in/second-factor/totp", Map.of("code", code)))
                .toList());

        var accepted = answers.stream()
                .filter(answer ->
                        answer.headers().firstValue("Location").orElse("").endsWith("/sign-in/continue"))
                .count();
        System.out.println("one TOTP code on two nodes: "
                + answers.stream().map(HttpResponse::statusCode).toList());
        assertThat(accepted).as("the code's step is taken once").isEqualTo(1);
    }

    @Test
    void refreshTokenWhenPresentedToBothNodesAtOnceThenOneExchangeSucceeds() throws Exception {
        // the phone app signed in (PKCE, DPoP) through the balancer, with a refresh token
        cluster.jdbc()
                .sql("UPDATE totp_credential SET last_step = NULL WHERE soi = '1000004'")
                .update();
        var app = new org.guichet.sso.MobileApp(cluster.port);
        var tokens = app.signIn(loginOf("1000004"), "openid offline_access", TestData.officeAddress(), Map.of(), true);
        assertThat(tokens.indicatesSuccess())
                .as(() -> String.valueOf(tokens.toErrorResponse().getErrorObject()))
                .isTrue();
        var refresh = tokens.toSuccessResponse().getTokens().getRefreshToken();
        assertThat(refresh).isNotNull();

        // the app and a thief holding a copy refresh at the same moment, each reaching another node
        var answers = AtOnce.call(cluster.nodes().stream()
                .map(node -> (java.util.concurrent.Callable<com.nimbusds.oauth2.sdk.TokenResponse>)
                        () -> app.onPort(node.port).token(new com.nimbusds.oauth2.sdk.RefreshTokenGrant(refresh)))
                .toList());

        var exchanged = answers.stream()
                .filter(com.nimbusds.oauth2.sdk.TokenResponse::indicatesSuccess)
                .toList();
        System.out.println("one refresh token on two nodes: "
                + answers.stream()
                        .map(a -> a.indicatesSuccess()
                                ? "tokens"
                                : a.toErrorResponse().getErrorObject().getCode())
                        .toList());
        assertThat(exchanged).as("the refresh token is exchanged once").hasSize(1);
        // a second presentation is a replay: the whole family goes, the tokens the winner got with it
        var kept = exchanged.getFirst().toSuccessResponse().getTokens().getRefreshToken();
        var after = app.token(new com.nimbusds.oauth2.sdk.RefreshTokenGrant(kept));
        assertThat(after.indicatesSuccess()).isFalse();
        assertThat(after.toErrorResponse().getErrorObject().getCode()).isEqualTo("invalid_grant");
    }

    @Test
    void journalWhenANodeIsKilledWhileAppendingThenEveryAnsweredEntryIsThereOnceAndTheChainVerifies() throws Exception {
        // a security officer anchors the journal over and over, four requests at a time, through the balancer: each
        // answer is one entry appended under the chain's head lock
        var officer = cluster.browser(TestData.vpnAddress());
        officer.signInWithSecondFactor(loginOf("1000005"), cluster.jdbc(), Clock.systemUTC());
        var headers = Map.of(
                "Content-Type", "application/json", "Accept", "application/json", "X-CSRF-TOKEN", officer.csrfToken());
        var answered = ConcurrentHashMap.<String>newKeySet();
        var answeredAfterKill = new AtomicInteger();
        var statuses = new ConcurrentHashMap<String, AtomicInteger>();
        var killed = new AtomicBoolean();
        var stop = new AtomicBoolean();
        var line = java.util.regex.Pattern.compile("\"line\":\"([^\"]+)\"");
        var writers = new ArrayList<Thread>();
        for (int i = 0; i < 4; i++) {
            writers.add(Thread.ofPlatform().start(() -> {
                while (!stop.get()) {
                    String outcome;
                    try {
                        var answer = officer.post("/api/v1/audit/anchors", headers, "{}");
                        outcome = Integer.toString(answer.statusCode());
                        var found = line.matcher(answer.body());
                        if (answer.statusCode() == 200 && found.find()) {
                            answered.add(found.group(1));
                            if (killed.get()) {
                                answeredAfterKill.incrementAndGet();
                            }
                        }
                    } catch (RuntimeException lost) {
                        outcome = "no answer";
                    }
                    statuses.computeIfAbsent(outcome, k -> new AtomicInteger()).incrementAndGet();
                }
            }));
        }
        Thread.sleep(3_000);
        cluster.kill(cluster.node("n1"));
        killed.set(true);
        Thread.sleep(4_000);
        stop.set(true);
        for (var writer : writers) {
            writer.join();
        }

        System.out.println("journal appends with a node killed: " + statuses + ", " + answered.size() + " answered, "
                + answeredAfterKill + " after the kill");
        assertThat(statuses.keySet()).as("never a 500").doesNotContain("500");
        assertThat(answeredAfterKill.get())
                .as("the head's lock did not die with the node")
                .isPositive();
        var anchored = cluster.jdbc()
                .sql("SELECT details FROM journal_entry WHERE type = 'JournalAnchored'")
                .query(String.class)
                .list();
        for (var each : answered) {
            assertThat(anchored.stream().filter(details -> details.contains(each)))
                    .as("the entry of an answered append, once")
                    .hasSize(1);
        }
        assertThat(officer.get("/api/v1/audit/verify", "application/json").body())
                .contains("\"valid\":true");
    }

    private static int decisionsJournaled(String item) {
        return cluster.jdbc()
                .sql("SELECT COUNT(*) FROM journal_entry WHERE type = 'ApprovalDecided' AND details LIKE ?")
                .param("%" + item + "%")
                .query(Integer.class)
                .single();
    }

    private static final java.util.regex.Pattern CSRF =
            java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
}
