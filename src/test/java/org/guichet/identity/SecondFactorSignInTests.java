package org.guichet.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.guichet.directory.AgentId;
import org.guichet.directory.DirectoryManagement;
import org.guichet.identity.factor.recovery.RecoveryCodes;
import org.guichet.identity.factor.totp.TotpService;
import org.guichet.testing.Agents;
import org.guichet.testing.Demo;
import org.guichet.testing.IntegrationTest;
import org.guichet.testing.MockBrowser;
import org.guichet.testing.MutableClock;
import org.guichet.testing.Outbox;
import org.guichet.testing.TestData;
import org.guichet.testing.Totp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** The second step of the sign-in: authenticator app, SMS, recovery codes; replays, drifted clocks, the lock. */
@IntegrationTest
@RecordApplicationEvents
class SecondFactorSignInTests {

    @Autowired
    Agents agents;

    private static final String SECOND_FACTOR = "/sign-in/second-factor";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    DirectoryManagement directory;

    @Autowired
    TotpService totp;

    @Autowired
    RecoveryCodes recoveryCodes;

    @Autowired
    MutableClock clock;

    @Autowired
    ApplicationEvents events;

    Outbox outbox;

    @BeforeEach
    void cleanSlate() {
        outbox = new Outbox(jdbc);
        jdbc.sql("UPDATE totp_credential SET last_step = NULL WHERE soi = ?")
                .param(Demo.CAMILLE_SOI)
                .update();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** A fresh agent with the demo authenticator-app key. */
    private String agentWithApp() {
        var block = agents.create().named("Zoé").build().block();
        totp.importKey(AgentId.of(block.soi(1)), Totp.DEMO_KEY, "Téléphone");
        return block.soi(1);
    }

    @Test
    void signInWhenFromInternetThenNothingButTheSecondStepUntilTheAppCode() {
        var camille = MockBrowser.fromInternet(mvc);
        assertThat(camille.signIn(Demo.CAMILLE, Demo.PASSWORD)).hasRedirectedUrl("/");

        for (var page : new String[] {"/", "/account", "/account/sessions", "/account/factors", "/sign-in/password"}) {
            assertThat(camille.get(page)).as(page).hasRedirectedUrl(SECOND_FACTOR);
        }
        var api = mvc.get()
                .uri("/api/v1/me")
                .accept(MediaType.APPLICATION_JSON)
                .cookie(camille.cookies())
                .with(org.guichet.testing.SignIn.from(TestData.address()))
                .exchange();
        assertThat(api).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(api).bodyJson().extractingPath("$.errorCode").isEqualTo("SIGN_IN_INCOMPLETE");
        assertThat(api).bodyJson().extractingPath("$.next").isEqualTo(SECOND_FACTOR);

        var step = camille.body(camille.get(SECOND_FACTOR));
        assertThat(step).contains("Deuxième étape de connexion", "name=\"code\"", "autocomplete=\"one-time-code\"");
        assertThat(camille.body(camille.post(SECOND_FACTOR + "/totp", "code", "000000")))
                .contains("Ce code n’est pas le bon");
        assertThat(camille.get("/")).hasRedirectedUrl(SECOND_FACTOR);

        assertThat(camille.post(SECOND_FACTOR + "/totp", "code", Totp.demo(clock.instant())))
                .hasRedirectedUrl("/sign-in/continue");
        assertThat(camille.get("/sign-in/continue"))
                .as("the page last asked for")
                .hasRedirectedUrl("/");
        assertThat(camille.body(camille.get("/"))).contains("Camille");
        var me = mvc.get()
                .uri("/api/v1/me")
                .cookie(camille.cookies())
                .with(org.guichet.testing.SignIn.from(TestData.address()))
                .exchange();
        assertThat(me).hasStatusOk().bodyJson().extractingPath("$.assurance").isEqualTo("MFA");
        assertThat(me).bodyJson().extractingPath("$.factors").asArray().containsExactly("TOTP");
        assertThat(events.stream(SecondFactorVerified.class))
                .anyMatch(e -> e.agent().soi().equals(Demo.CAMILLE_SOI) && e.type() == FactorType.TOTP);
        assertThat(events.stream(SecondFactorFailed.class))
                .anyMatch(e -> e.agent().soi().equals(Demo.CAMILLE_SOI) && e.failures() == 1);
    }

    @Test
    void meWhenPasswordOnlyAtTheOfficeThenPasswordAssuranceAndEnrolledFactors() {
        var camille = new MockBrowser(mvc);
        camille.signIn(Demo.CAMILLE, Demo.PASSWORD);

        var me = mvc.get().uri("/api/v1/me").cookie(camille.cookies()).exchange();

        assertThat(me).hasStatusOk().bodyJson().extractingPath("$.assurance").isEqualTo("PASSWORD");
        assertThat(me).bodyJson().extractingPath("$.factors").asArray().containsExactly("TOTP");
    }

    @Test
    void totpWhenTheSameCodeIsGivenTwiceThenRefusedTheSecondTime() {
        var soi = agentWithApp();
        var code = Totp.demo(clock.instant());
        var first = MockBrowser.fromInternet(mvc);
        var second = MockBrowser.fromInternet(mvc);
        first.signIn(soi, Demo.PASSWORD);
        second.signIn(soi, Demo.PASSWORD);

        assertThat(first.post(SECOND_FACTOR + "/totp", "code", code)).hasRedirectedUrl("/sign-in/continue");
        assertThat(second.body(second.post(SECOND_FACTOR + "/totp", "code", code)))
                .contains("Ce code a déjà servi");
        assertThat(second.get("/")).hasRedirectedUrl(SECOND_FACTOR);
    }

    @Test
    void totpWhenPhoneClockIsOffThenTheAgentIsToldByHowMuchAndItCountsAsAFailure() {
        var soi = agentWithApp();
        var browser = MockBrowser.fromInternet(mvc);
        browser.signIn(soi, Demo.PASSWORD);

        var ahead = browser.body(browser.post(
                SECOND_FACTOR + "/totp", "code", Totp.demo(clock.instant().plus(Duration.ofMinutes(4)))));
        assertThat(ahead).contains("semble avancer d’environ 4 minute(s)", "automatique");
        var behind = browser.body(browser.post(
                SECOND_FACTOR + "/totp", "code", Totp.demo(clock.instant().minus(Duration.ofMinutes(7)))));
        assertThat(behind).contains("semble retarder d’environ 7 minute(s)");
        var farOff = browser.body(browser.post(
                SECOND_FACTOR + "/totp", "code", Totp.demo(clock.instant().plus(Duration.ofMinutes(40)))));
        assertThat(farOff).contains("Ce code n’est pas le bon").doesNotContain("semble");

        assertThat(events.stream(SecondFactorFailed.class)
                        .filter(e -> e.agent().soi().equals(soi)))
                .extracting(SecondFactorFailed::clockDriftMinutes)
                .containsExactly(4L, -7L, null);
        assertThat(browser.get("/")).hasRedirectedUrl(SECOND_FACTOR);
    }

    @Test
    void codesWhenFiveWrongInARowThenLockedEvenForTheRightOneUntilTheLockEnds() {
        var soi = agentWithApp();
        var email = directory.findById(AgentId.of(soi)).orElseThrow().email();
        var browser = MockBrowser.fromInternet(mvc);
        browser.signIn(soi, Demo.PASSWORD);
        for (int i = 0; i < 4; i++) {
            assertThat(browser.body(browser.post(SECOND_FACTOR + "/totp", "code", "00000" + i)))
                    .contains("Ce code n’est pas le bon");
        }
        assertThat(browser.body(browser.post(SECOND_FACTOR + "/totp", "code", "000009")))
                .contains("les codes sont refusés jusqu’à");

        assertThat(browser.body(browser.post(SECOND_FACTOR + "/totp", "code", Totp.demo(clock.instant()))))
                .as("locked: even the right code")
                .contains("les codes sont refusés jusqu’à");
        assertThat(events.stream(SecondStepLocked.class))
                .anyMatch(e -> e.agent().soi().equals(soi));
        assertThat(outbox.awaitMessage(email, 0)).contains("Codes de vérification temporairement refusés");

        clock.advance(Duration.ofSeconds(61));
        assertThat(browser.post(SECOND_FACTOR + "/totp", "code", Totp.demo(clock.instant())))
                .hasRedirectedUrl("/sign-in/continue");
    }

    @Test
    void recoveryCodeWhenUsedThenWorksOnceAndSaysHowManyRemain() {
        var soi = agentWithApp();
        var codes = recoveryCodes.generate(AgentId.of(soi));
        var browser = MockBrowser.fromVpn(mvc);
        browser.signIn(soi, Demo.PASSWORD);

        var form = browser.body(browser.get(SECOND_FACTOR + "?method=recovery-code"));
        assertThat(form).contains("Code de secours", "name=\"code\"");
        var typedCarelessly = " " + codes.getFirst().toLowerCase().replace("-", " ") + " ";
        var used = browser.body(browser.post(SECOND_FACTOR + "/recovery-code", "code", typedCarelessly));
        assertThat(used).contains("Code de secours utilisé", "Il vous en reste 9");
        assertThat(browser.body(browser.get("/"))).contains("Zoé");

        var again = MockBrowser.fromVpn(mvc);
        again.signIn(soi, Demo.PASSWORD);
        assertThat(again.body(again.post(SECOND_FACTOR + "/recovery-code", "code", codes.getFirst())))
                .contains("Ce code de secours n’est pas valable");
        assertThat(again.get("/")).hasRedirectedUrl(SECOND_FACTOR);
        assertThat(events.stream(RecoveryCodeUsed.class))
                .anyMatch(e -> e.agent().soi().equals(soi) && e.remaining() == 9);
    }

    @Test
    void smsWhenLeaSignsInThenTheCodeSentToHerVerifiedNumberWorksAndSendsAreLimited() {
        var lea = new MockBrowser(mvc);
        assertThat(lea.signIn("lea.simon", Demo.PASSWORD)).hasRedirectedUrl("/");
        assertThat(lea.get("/")).as("sensitive profile: even at the office").hasRedirectedUrl(SECOND_FACTOR);

        var page = lea.body(lea.get(SECOND_FACTOR));
        assertThat(page).contains("+33 6 •• •• •• 08", "Envoyer le code").doesNotContain("name=\"code\"");
        var known = outbox.to("+33639980008").size();
        assertThat(lea.post(SECOND_FACTOR + "/sms/send")).hasRedirectedUrl(SECOND_FACTOR + "?method=sms");
        var code = outbox.awaitCode("+33639980008", known, 6);
        assertThat(lea.body(lea.get(SECOND_FACTOR + "?method=sms")))
                .contains("Envoyé au +33 6 •• •• •• 08", "name=\"code\"", "Renvoyer un code");

        assertThat(lea.post(SECOND_FACTOR + "/sms", "code", code)).hasRedirectedUrl("/sign-in/continue");
        assertThat(lea.body(lea.get("/"))).contains("Léa");

        var again = new MockBrowser(mvc);
        again.signIn("lea.simon", Demo.PASSWORD);
        again.post(SECOND_FACTOR + "/sms/send");
        again.post(SECOND_FACTOR + "/sms/send");
        again.post(SECOND_FACTOR + "/sms/send");
        assertThat(again.body(again.get(SECOND_FACTOR + "?method=sms")))
                .as("a fourth code within 15 minutes")
                .contains("Trop de codes ont été envoyés");
    }
}
