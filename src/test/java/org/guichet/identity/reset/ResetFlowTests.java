package org.guichet.identity.reset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.guichet.directory.AgentId;
import org.guichet.directory.AgentProfile;
import org.guichet.directory.DirectoryManagement;
import org.guichet.identity.AccountUnlocked;
import org.guichet.identity.PasswordResetCompleted;
import org.guichet.identity.factor.totp.TotpService;
import org.guichet.identity.signin.Lockout;
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
class ResetFlowTests {

    @Autowired
    Agents agents;

    static final String NEW_PASSWORD = "Lundi matin, la voirie chante";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TotpService totp;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    DirectoryManagement directory;

    @Autowired
    MutableClock clock;

    @Autowired
    ApplicationEvents events;

    Outbox outbox;
    AgentProfile agent;

    @BeforeEach
    void freshAgent() {
        outbox = new Outbox(jdbc);
        var block = agents.create().named("Anne").build().block();
        agent = directory.findById(AgentId.of(block.soi(1))).orElseThrow();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** Starts a reset for what is typed and asks for the code by this channel; returns the browser. */
    private MockBrowser codeSent(String identifier, String channel) {
        var browser = MockBrowser.fromInternet(mvc);
        assertThat(browser.get("/reset")).hasStatusOk();
        assertThat(browser.post("/reset", "identifier", identifier)).hasRedirectedUrl("/reset/send");
        assertThat(browser.get("/reset/send")).hasStatusOk();
        assertThat(browser.post("/reset/send", "channel", channel)).hasRedirectedUrl("/reset/code");
        return browser;
    }

    @Test
    void resetWhenLockedAgentThenCodeByEmailNewPasswordAndUnlocked() {
        for (int i = 0; i < 5; i++) {
            SignIn.attempt(mvc, agent.login(), "wrong guess", SignIn.from(TestData.address()));
        }
        assertThat(new MockBrowser(mvc).signIn(agent.login(), Demo.PASSWORD)).hasRedirectedUrl("/login?error");
        var earlier = outbox.to(agent.email()).size();

        var browser = codeSent(agent.login(), "EMAIL");
        var code = outbox.awaitCode(agent.email(), earlier);

        assertThat(jdbc.sql("SELECT code_hash FROM reset_code WHERE soi = ?")
                        .param(agent.id().soi())
                        .query(String.class)
                        .list())
                .as("codes are hashed at rest")
                .isNotEmpty()
                .allSatisfy(hash -> assertThat(hash).doesNotContain(code).startsWith("{argon2id}"));
        assertThat(browser.body(browser.post("/reset/code", "code", "00000000")))
                .contains("Ce code est incorrect");
        assertThat(browser.post("/reset/code", "code", code)).hasRedirectedUrl("/reset/password");
        assertThat(browser.body(browser.post(
                        "/reset/password", "password", "motdepasse2024!", "confirmation", "motdepasse2024!")))
                .contains("trop courant");
        assertThat(browser.post("/reset/password", "password", NEW_PASSWORD, "confirmation", NEW_PASSWORD))
                .hasRedirectedUrl("/login?reset");

        assertThat(browser.body(browser.get("/login?reset"))).contains("Votre mot de passe est changé");
        assertThat(new MockBrowser(mvc).signIn(agent.login(), NEW_PASSWORD)).hasRedirectedUrl("/");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM login_throttle WHERE throttle_key IN (:keys)")
                        .param("keys", Lockout.keysOf(agent))
                        .query(Long.class)
                        .single())
                .as("the lock is lifted")
                .isZero();
        assertThat(events.stream(PasswordResetCompleted.class)
                        .filter(e -> e.agent().equals(agent.id())))
                .hasSize(1);
        assertThat(events.stream(AccountUnlocked.class).filter(e -> e.agent().equals(agent.id())))
                .hasSize(1);
    }

    @Test
    void resetWhenAgentHasASecondFactorThenItIsAskedBeforeTheNewPassword() {
        totp.importKey(agent.id(), Totp.DEMO_KEY, "Téléphone");
        var earlier = outbox.to(agent.email()).size();
        var browser = codeSent(agent.login(), "EMAIL");

        assertThat(browser.post("/reset/code", "code", outbox.awaitCode(agent.email(), earlier)))
                .hasRedirectedUrl("/reset/second-factor");
        assertThat(browser.get("/reset/password"))
                .as("not before the second factor")
                .hasRedirectedUrl("/reset");
        var page = browser.body(browser.get("/reset/second-factor"));
        assertThat(page).contains("Prouvez que c’est vous", "name=\"code\"");
        assertThat(browser.body(browser.post("/reset/second-factor/totp", "code", "000000")))
                .contains("Ce code n’est pas le bon");
        assertThat(browser.post("/reset/second-factor/totp", "code", Totp.demo(clock.instant())))
                .hasRedirectedUrl("/reset/password");
        assertThat(browser.post("/reset/password", "password", NEW_PASSWORD, "confirmation", NEW_PASSWORD))
                .hasRedirectedUrl("/login?reset");
        assertThat(events.stream(org.guichet.identity.SecondFactorVerified.class))
                .anyMatch(e -> e.agent().equals(agent.id()));
    }

    @Test
    void resetWhenDoneThenEverySessionClosed() {
        var session = SignIn.as(mvc, agent.login());
        var earlier = outbox.to(agent.email()).size();
        var browser = codeSent(agent.id().soi(), "EMAIL");

        browser.post("/reset/code", "code", outbox.awaitCode(agent.email(), earlier));
        browser.post("/reset/password", "password", NEW_PASSWORD, "confirmation", NEW_PASSWORD);

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(
                                mvc.get().uri("/api/v1/me").cookie(session).exchange())
                        .hasStatus(HttpStatus.UNAUTHORIZED));
    }

    @Test
    void resetWhenVerifiedMobileThenSmsOfferedAndCodeSentThere() {
        var browser = MockBrowser.fromInternet(mvc);
        browser.post("/reset", "identifier", "lea.simon");
        var channels = browser.body(browser.get("/reset/send"));
        assertThat(channels).contains("Par SMS au +33 6 •• •• •• 08", "Par e-mail à l•", "n@ville.example");
        var earlier = outbox.to("+33639980008").size();

        browser.post("/reset/send", "channel", "SMS");

        assertThat(outbox.awaitMessage("+33639980008", earlier)).matches("(?s).*votre code est \\d{8}.*");
        assertThat(browser.body(browser.get("/reset/code"))).contains("+33 6 •• •• •• 08");
    }

    @Test
    void resetWhenUnverifiedMobileThenOnlyEmailOffered() {
        var browser = MockBrowser.fromInternet(mvc);
        browser.post("/reset", "identifier", "camille.martin");

        assertThat(browser.body(browser.get("/reset/send")))
                .doesNotContain("Par SMS")
                .contains("Par e-mail à c");
    }

    @Test
    void resetWhenUnknownIdentifierThenSameStepsNothingSentAndNoCodeWorks() {
        var unknown = "personne." + TestData.block().name().toLowerCase();
        var sentBefore =
                jdbc.sql("SELECT COUNT(*) FROM dev_outbox").query(Long.class).single();

        var browser = codeSent(unknown, "EMAIL");
        var codePage = browser.body(browser.get("/reset/code"));

        assertThat(codePage).contains("un code à 8 chiffres a été envoyé à p", "@ville.example");
        for (int i = 1; i < 5; i++) {
            assertThat(browser.body(browser.post("/reset/code", "code", "1234567" + i)))
                    .contains("Ce code est incorrect");
        }
        assertThat(browser.body(browser.post("/reset/code", "code", "12345678")))
                .contains("n’est plus valable");
        assertThat(browser.get("/reset/password")).hasRedirectedUrl("/reset");
        assertThat(events.stream(org.guichet.identity.PasswordResetRequested.class))
                .as("the journal hears of it all the same")
                .anyMatch(e -> e.agent() == null && e.connection().address().startsWith("198.18."));
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> true);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM dev_outbox").query(Long.class).single())
                .as("nothing is sent for an identifier that names nobody")
                .isEqualTo(sentBefore);
    }

    @Test
    void resetWhenFiveWrongCodesThenEvenTheRightOneIsSpent() {
        var earlier = outbox.to(agent.email()).size();
        var browser = codeSent(agent.login(), "EMAIL");
        var code = outbox.awaitCode(agent.email(), earlier);
        var wrong = code.equals("11111111") ? "22222222" : "11111111";

        for (int i = 0; i < 4; i++) {
            assertThat(browser.body(browser.post("/reset/code", "code", wrong))).contains("Ce code est incorrect");
        }
        assertThat(browser.body(browser.post("/reset/code", "code", wrong))).contains("n’est plus valable");
        assertThat(browser.body(browser.post("/reset/code", "code", code))).contains("n’est plus valable");
    }

    @Test
    void resetWhenCodeOlderThanTenMinutesThenSpent() {
        var earlier = outbox.to(agent.email()).size();
        var browser = codeSent(agent.login(), "EMAIL");
        var code = outbox.awaitCode(agent.email(), earlier);

        clock.advance(Duration.ofMinutes(11));

        assertThat(browser.body(browser.post("/reset/code", "code", code))).contains("n’est plus valable");
    }

    @Test
    void resetWhenNewCodeSentThenFormerOneNoLongerWorks() {
        var earlier = outbox.to(agent.email()).size();
        var browser = codeSent(agent.login(), "EMAIL");
        var first = outbox.awaitCode(agent.email(), earlier);
        browser.post("/reset/send", "channel", "EMAIL");
        var second = outbox.awaitCode(agent.email(), earlier + 1);

        if (!first.equals(second)) {
            assertThat(browser.body(browser.post("/reset/code", "code", first))).doesNotContain("Choisissez");
        }
        assertThat(browser.post("/reset/code", "code", second)).hasRedirectedUrl("/reset/password");
    }

    @Test
    void resetWhenFourthCodeWithinFifteenMinutesThenRefusedForKnownAndUnknownAlike() {
        var unknown = "personne." + TestData.block().name().toLowerCase();
        for (var identifier : new String[] {agent.login(), unknown}) {
            var browser = codeSent(identifier, "EMAIL");
            browser.post("/reset/send", "channel", "EMAIL");
            browser.post("/reset/send", "channel", "EMAIL");

            var fourth = browser.post("/reset/send", "channel", "EMAIL");

            assertThat(fourth).hasStatusOk();
            assertThat(browser.body(fourth)).contains("Trop de codes ont été demandés");
        }
    }

    @Test
    void resetWhenPasswordPageReachedWithoutCodeThenSentBack() {
        var browser = MockBrowser.fromInternet(mvc);
        browser.post("/reset", "identifier", agent.login());

        assertThat(browser.get("/reset/password")).hasRedirectedUrl("/reset");
        assertThat(browser.post("/reset/password", "password", NEW_PASSWORD, "confirmation", NEW_PASSWORD))
                .hasRedirectedUrl("/reset");
    }
}
