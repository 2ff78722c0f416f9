package org.guichet.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.regex.Pattern;
import org.guichet.directory.DirectoryManagement;
import org.guichet.testing.Agents;
import org.guichet.testing.Demo;
import org.guichet.testing.IntegrationTest;
import org.guichet.testing.MockBrowser;
import org.guichet.testing.MutableClock;
import org.guichet.testing.SignIn;
import org.guichet.testing.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@IntegrationTest
@RecordApplicationEvents
class SessionsTests {

    @Autowired
    Agents agents;

    private static final Pattern REVOKE = Pattern.compile("action=\"(/account/sessions/[0-9a-f]+/revoke)\"");
    private static final String FIREFOX_WINDOWS =
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    DirectoryManagement directory;

    @Autowired
    MutableClock clock;

    @Autowired
    FindByIndexNameSessionRepository<? extends Session> sessions;

    @Autowired
    ApplicationEvents events;

    String agent;

    @BeforeEach
    void freshAgent() {
        agent = agents.create().named("Anne").build().block().soi(1);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void mySessionsWhenSignedInTwiceThenBothListedAndTheOtherCanBeClosed() {
        var office = new MockBrowser(mvc, "10.1.2.3");
        office.signIn(agent, Demo.PASSWORD);
        var home = new MockBrowser(mvc, "203.0.113.7");
        home.signIn(agent, Demo.PASSWORD);

        var page = office.body(office.get("/account/sessions"));
        assertThat(page)
                .contains(
                        "cette session", "Réseau de la ville", "Internet (accès à distance)", "10.1.2.3", "203.0.113.7")
                .contains("Fermer toutes les autres sessions")
                .as("a browser that sent no User-Agent is named in words, for the eye and for screen readers")
                .contains(
                        "Navigateur inconnu sur système inconnu",
                        "Fermer la session Navigateur inconnu sur système inconnu")
                .doesNotContain("? sur ?");
        var today = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")
                .format(java.time.LocalDate.now(org.guichet.platform.DisplayZone.ZONE));
        assertThat(page).containsPattern("<dt>Ouverte le</dt>\\s*<dd>" + today + " \\d{2}:\\d{2}</dd>");
        assertThat(page).containsPattern("<dt>Dernière activité</dt>\\s*<dd>" + today + " \\d{2}:\\d{2}</dd>");
        var revoke = REVOKE.matcher(page);
        assertThat(revoke.find()).as("the other session can be closed").isTrue();
        assertThat(revoke.find()).as("not the current one").isFalse();

        revoke.reset().find();
        assertThat(office.post(revoke.group(1))).hasRedirectedUrl("/account/sessions");

        assertThat(home.get("/account").getResponse().getRedirectedUrl()).endsWith("/login");
        assertThat(office.get("/account")).hasStatusOk();
        assertThat(events.stream(SessionRevoked.class))
                .anyMatch(e -> e.agent().soi().equals(agent) && e.cause() == SessionRevoked.Cause.AGENT);
    }

    @Test
    void lastAccessWhenRecordedMomentsAgoThenNotWrittenAgainAndWhenOlderThenMoved() {
        var browser = new MockBrowser(mvc);
        browser.signIn(agent, Demo.PASSWORD);
        var id = sessions.findByPrincipalName(agent).keySet().iterator().next();

        var momentsAgo = java.time.Instant.now().minusSeconds(5).toEpochMilli();
        recordLastAccess(id, momentsAgo);
        assertThat(browser.get("/")).hasStatusOk();
        assertThat(browser.get("/account/sessions")).hasStatusOk();
        assertThat(lastAccess(id))
                .as("a request that changes nothing else writes nothing")
                .isEqualTo(momentsAgo);

        var minuteAgo = java.time.Instant.now().minusSeconds(60).toEpochMilli();
        recordLastAccess(id, minuteAgo);
        long before = System.currentTimeMillis();
        assertThat(browser.get("/")).hasStatusOk();
        assertThat(lastAccess(id))
                .as("a recorded access 30 s old or more moves")
                .isGreaterThanOrEqualTo(before);
        assertThat(jdbc.sql("SELECT expiry_time - last_access_time FROM spring_session WHERE session_id = ?")
                        .param(id)
                        .query(Long.class)
                        .single())
                .as("and the idle timeout counts from it")
                .isPositive();
    }

    private void recordLastAccess(String id, long at) {
        jdbc.sql("UPDATE spring_session SET last_access_time = ? WHERE session_id = ?")
                .params(at, id)
                .update();
    }

    private long lastAccess(String id) {
        return jdbc.sql("SELECT last_access_time FROM spring_session WHERE session_id = ?")
                .param(id)
                .query(Long.class)
                .single();
    }

    @Test
    void mySessionsWhenCloseAllOthersThenOnlyThisOneRemains() {
        var others = new MockBrowser[] {new MockBrowser(mvc), new MockBrowser(mvc)};
        for (var other : others) {
            other.signIn(agent, Demo.PASSWORD);
        }
        var mine = new MockBrowser(mvc);
        mine.signIn(agent, Demo.PASSWORD);

        mine.post("/account/sessions/revoke-others");

        assertThat(sessions.findByPrincipalName(agent)).hasSize(1);
        assertThat(mine.body(mine.get("/account/sessions"))).contains("2 session(s) fermée(s)");
        for (var other : others) {
            assertThat(other.get("/").getResponse().getRedirectedUrl()).endsWith("/login");
        }
    }

    @Test
    void mySessionsWhenDescribedThenBrowserAndSystemFromTheUserAgent() {
        var result = mvc.post()
                .uri("/login")
                .param("username", agent)
                .param("password", Demo.PASSWORD)
                .header("User-Agent", FIREFOX_WINDOWS)
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                .exchange();
        var session = result.getResponse().getCookie(SignIn.SESSION_COOKIE);

        assertThat(mvc.get().uri("/account/sessions").cookie(session).exchange())
                .bodyText()
                .contains("Firefox sur Windows");
        assertThat(events.stream(SignedIn.class))
                .anyMatch(e -> e.agent().soi().equals(agent) && e.device().equals("Firefox · Windows"));
    }

    @Test
    void sessionWhenOlderThanTenHoursThenEndedEvenIfActive() {
        var browser = new MockBrowser(mvc);
        browser.signIn(agent, Demo.PASSWORD);
        var cookie = browser.cookie(SignIn.SESSION_COOKIE);
        assertThat(browser.get("/account")).hasStatusOk();

        clock.advance(Duration.ofHours(10).plusMinutes(1));

        assertThat(browser.get("/account?lang=fr")).hasRedirectedUrl("/account?lang=fr");
        assertThat(browser.get("/account?lang=fr").getResponse().getRedirectedUrl())
                .endsWith("/login");
        assertThat(mvc.get().uri("/api/v1/me").cookie(cookie).exchange()).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(events.stream(SessionRevoked.class)).anyMatch(e -> e.cause() == SessionRevoked.Cause.LIFETIME);
    }

    @Test
    void sessionWhenApiCalledAfterTenHoursThenSessionEndedProblem() {
        var cookie = SignIn.as(mvc, agent);
        clock.advance(Duration.ofHours(11));

        var me = mvc.get().uri("/api/v1/me").cookie(cookie).exchange();

        assertThat(me).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(me).bodyJson().extractingPath("$.errorCode").isEqualTo("SESSION_ENDED");
    }

    @Test
    void sessionWhenExpiredThenSigningInAgainReturnsToTheRequestedPage() {
        var browser = new MockBrowser(mvc);
        browser.signIn(agent, Demo.PASSWORD);
        sessions.findByPrincipalName(agent).keySet().forEach(sessions::deleteById);

        var asked = browser.get("/account/charter");
        assertThat(asked.getResponse().getRedirectedUrl()).endsWith("/login");
        assertThat(browser.body(browser.get("/login"))).contains("Votre session a expiré");
        var signedIn = browser.signIn(agent, Demo.PASSWORD);

        assertThat(signedIn.getResponse().getRedirectedUrl()).contains("/account/charter");
        assertThat(browser.get(signedIn.getResponse().getRedirectedUrl().replace("http://localhost", "")))
                .hasStatusOk();
    }

    @Test
    void loginPageWhenAlreadySignedInThenHomeNotALoop() {
        var browser = new MockBrowser(mvc);
        browser.signIn(agent, Demo.PASSWORD);

        assertThat(browser.get("/login")).hasRedirectedUrl("/");
        assertThat(browser.get("/")).hasStatusOk();
        var secondTab = browser.signIn(agent, Demo.PASSWORD);
        assertThat(secondTab).hasStatus3xxRedirection();
        assertThat(browser.get("/")).hasStatusOk();
    }

    @Test
    void keepAliveWhenSignedInThenNoContent() throws Exception {
        var cookie = SignIn.as(mvc, agent);

        var result = mvc.post()
                .uri("/session/keepalive")
                .cookie(cookie)
                .header("X-CSRF-TOKEN", SignIn.csrfToken(mvc, cookie))
                .exchange();

        assertThat(result).hasStatus(HttpStatus.NO_CONTENT);
    }

    @Test
    void pagesWhenSignedInThenIdleWarningConfigured() {
        var browser = new MockBrowser(mvc);
        browser.signIn(agent, Demo.PASSWORD);

        assertThat(browser.body(browser.get("/")))
                .contains("<meta name=\"guichet-session-timeout\" content=\"1800\">")
                .contains("<meta name=\"guichet-session-warning\" content=\"120\">")
                .contains("id=\"idle-dialog\"", "Rester connecté");
        assertThat(browser.body(new MockBrowser(mvc).get("/login"))).doesNotContain("idle-dialog");
    }

    @Test
    void signOutThenEventAndLoginPageSaysSo() {
        var browser = new MockBrowser(mvc);
        browser.signIn(agent, Demo.PASSWORD);

        assertThat(browser.post("/logout")).hasRedirectedUrl("/login?logout");

        assertThat(browser.body(browser.get("/login?logout"))).contains("Vous êtes déconnecté");
        assertThat(events.stream(SignedOut.class)).anyMatch(e -> e.agent().soi().equals(agent));
    }

    @Test
    void cookiesWhenServedOverHttpsThenSecureAndStrictTransportSecurity() {
        var result = mvc.post()
                .uri("https://localhost/login")
                .secure(true)
                .param("username", agent)
                .param("password", Demo.PASSWORD)
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                .exchange();

        assertThat(result.getResponse().getCookie(SignIn.SESSION_COOKIE).getSecure())
                .isTrue();
        assertThat(result.getResponse().getCookie(SignIn.TRUSTED_DEVICE_COOKIE).getSecure())
                .isTrue();
        assertThat(result.getResponse().getHeader("Strict-Transport-Security")).contains("max-age=");
        var plain = SignIn.attempt(mvc, agent, Demo.PASSWORD, SignIn.from(TestData.address()));
        assertThat(plain.getResponse().getHeader("Strict-Transport-Security")).isNull();
    }
}
