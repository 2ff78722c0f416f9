package org.guichet.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.guichet.directory.AgentId;
import org.guichet.directory.DirectoryManagement;
import org.guichet.identity.PasswordChangeReason;
import org.guichet.identity.PasswordChanged;
import org.guichet.identity.factor.totp.TotpService;
import org.guichet.testing.Agents;
import org.guichet.testing.Demo;
import org.guichet.testing.IntegrationTest;
import org.guichet.testing.MockBrowser;
import org.guichet.testing.MutableClock;
import org.guichet.testing.Outbox;
import org.guichet.testing.SignIn;
import org.guichet.testing.TestData;
import org.guichet.testing.Totp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@IntegrationTest
@RecordApplicationEvents
class PasswordChangeTests {

    @Autowired
    Agents agents;

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
    TotpService totp;

    @Autowired
    ApplicationEvents events;

    TestData.Block agent;

    @BeforeEach
    void freshAgent() {
        agent = agents.create().named("Anne").build().block();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private String change(MockBrowser browser, String current, String password) {
        return browser.body(
                browser.post("/account/password", "current", current, "password", password, "confirmation", password));
    }

    @Test
    void changeWhenCurrentPasswordRightThenChangedOtherSessionsClosedAndAgentEmailed() {
        var elsewhere = SignIn.as(mvc, agent.soi(1));
        var browser = new MockBrowser(mvc);
        browser.signIn(agent.soi(1), Demo.PASSWORD);
        var email = directory.findById(AgentId.of(agent.soi(1))).orElseThrow().email();
        var mails = new Outbox(jdbc).to(email).size();

        var result = browser.post(
                "/account/password",
                "current",
                Demo.PASSWORD,
                "password",
                "Un jardin de cactus bleus",
                "confirmation",
                "Un jardin de cactus bleus");

        assertThat(result).hasRedirectedUrl("/account");
        assertThat(browser.body(browser.get("/account"))).contains("Votre mot de passe est changé");
        assertThat(events.stream(PasswordChanged.class))
                .anyMatch(e -> e.agent().soi().equals(agent.soi(1)) && e.reason() == PasswordChangeReason.CHANGED);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(
                                mvc.get().uri("/api/v1/me").cookie(elsewhere).exchange())
                        .hasStatus(HttpStatus.UNAUTHORIZED));
        assertThat(browser.get("/account"))
                .as("the session it was changed from stays")
                .hasStatusOk();
        assertThat(new Outbox(jdbc).awaitMessage(email, mails)).contains("Votre mot de passe a été changé");
        assertThat(new MockBrowser(mvc).signIn(agent.soi(1), "Un jardin de cactus bleus"))
                .hasRedirectedUrl("/");
    }

    @Test
    void changeWhenCurrentPasswordWrongThenRefusedAndCounted() {
        var browser = new MockBrowser(mvc);
        browser.signIn(agent.soi(1), Demo.PASSWORD);

        assertThat(change(browser, "not my password", "Un jardin de cactus bleus"))
                .contains("Le mot de passe actuel est incorrect");
        for (int i = 0; i < 4; i++) {
            change(browser, "not my password", "Un jardin de cactus bleus");
        }
        assertThat(change(browser, Demo.PASSWORD, "Un jardin de cactus bleus")).contains("Trop d’essais incorrects");
    }

    @Test
    void changeWhenOneOfTheLastFiveThenRefusedButTheSixthAgoIsAllowed() {
        var browser = new MockBrowser(mvc);
        browser.signIn(agent.soi(1), Demo.PASSWORD);
        var passwords = new String[] {
            Demo.PASSWORD,
            "Premier cactus bleu du jardin",
            "Second cactus bleu du jardin",
            "Troisieme cactus bleu au jardin",
            "Quatrieme cactus bleu au jardin",
            "Cinquieme cactus bleu au jardin"
        };
        for (int i = 1; i < passwords.length; i++) {
            assertThat(browser.post(
                            "/account/password",
                            "current",
                            passwords[i - 1],
                            "password",
                            passwords[i],
                            "confirmation",
                            passwords[i]))
                    .hasRedirectedUrl("/account");
        }
        var current = passwords[passwords.length - 1];

        for (int back = 0; back < 5; back++) {
            var recent = passwords[passwords.length - 1 - back];
            assertThat(change(browser, current, recent)).as(recent).contains("déjà utilisé ce mot de passe");
        }
        assertThat(browser.post(
                        "/account/password",
                        "current",
                        current,
                        "password",
                        passwords[0],
                        "confirmation",
                        passwords[0]))
                .as("the sixth password back may come back")
                .hasRedirectedUrl("/account");
    }

    @Test
    void expiryWhenPrivilegedRoleThenWarnedFromFourteenDaysThenForcedToChange() {
        var admin = agents.create().named("Alice").withRoles("ADMIN").build().block();
        totp.importKey(AgentId.of(admin.soi(1)), Totp.DEMO_KEY, "Test");
        jdbc.sql("UPDATE password_credential SET changed_at = ? WHERE soi = ?")
                .params(Timestamp.from(Instant.now().minus(Duration.ofDays(352))), admin.soi(1))
                .update();
        var browser = new MockBrowser(mvc);
        browser.signInWithTotp(admin.soi(1), jdbc, clock);

        assertThat(browser.body(browser.get("/"))).contains("id=\"password-expiry\"", "Votre mot de passe expire le");

        clock.advance(Duration.ofDays(14));
        var later = new MockBrowser(mvc);
        later.signInWithTotp(admin.soi(1), jdbc, clock);
        assertThat(later.get("/")).hasRedirectedUrl("/sign-in/password");
        assertThat(later.body(later.get("/sign-in/password"))).contains("Votre mot de passe a expiré");
    }

    @Test
    void expiryWhenOrdinaryAgentThenNeverExpires() {
        jdbc.sql("UPDATE password_credential SET changed_at = ? WHERE soi = ?")
                .params(Timestamp.from(Instant.now().minus(Duration.ofDays(3000))), agent.soi(1))
                .update();
        var browser = new MockBrowser(mvc);
        browser.signIn(agent.soi(1), Demo.PASSWORD);

        var home = browser.get("/");
        assertThat(home).hasStatusOk();
        assertThat(browser.body(home)).doesNotContain("password-expiry");
    }

    @Test
    void checkApiWhenCandidateTypedThenScoreAndReasonsInTheAgentsLanguage() throws Exception {
        var session = SignIn.as(mvc, agent.soi(1));
        var token = SignIn.csrfToken(mvc, session);

        var weak = mvc.post()
                .uri("/api/v1/password/check?lang=en")
                .cookie(session)
                .header("X-CSRF-TOKEN", token)
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .content("{\"password\": \"anne2026\"}")
                .exchange();

        assertThat(weak).hasStatusOk().bodyJson().extractingPath("$.acceptable").isEqualTo(false);
        assertThat(weak)
                .bodyJson()
                .extractingPath("$.problems[*].code")
                .asArray()
                .contains("TOO_SHORT", "PERSONAL");
        assertThat(weak)
                .bodyJson()
                .extractingPath("$.problems[0].message")
                .asString()
                .contains("at least 12");
        var strong = mvc.post()
                .uri("/api/v1/password/check")
                .cookie(session)
                .header("X-CSRF-TOKEN", token)
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .content("{\"password\": \"tortue velo nuage\"}")
                .exchange();
        assertThat(strong).bodyJson().extractingPath("$.acceptable").isEqualTo(true);
        assertThat(strong).bodyJson().extractingPath("$.score").asNumber().isEqualTo(3);
    }
}
