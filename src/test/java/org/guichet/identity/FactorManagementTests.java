package org.guichet.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.regex.Pattern;
import org.guichet.directory.AgentId;
import org.guichet.directory.DirectoryManagement;
import org.guichet.identity.factor.Factors;
import org.guichet.identity.factor.totp.TotpService;
import org.guichet.identity.password.VerifiedMobiles;
import org.guichet.testing.Agents;
import org.guichet.testing.Demo;
import org.guichet.testing.IntegrationTest;
import org.guichet.testing.MockBrowser;
import org.guichet.testing.MutableClock;
import org.guichet.testing.Outbox;
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

/** "My verification methods" and "My mobile number": the step-up, adding, renaming, removing, changing the number. */
@IntegrationTest
@RecordApplicationEvents
class FactorManagementTests {

    @Autowired
    Agents agents;

    private static final String FACTORS = "/account/factors";
    private static final Pattern TOTP_ID = Pattern.compile("/account/factors/(totp-[0-9a-f-]{36})/rename");

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
    Factors factors;

    @Autowired
    VerifiedMobiles mobiles;

    @Autowired
    MutableClock clock;

    @Autowired
    ApplicationEvents events;

    Outbox outbox;

    @BeforeEach
    void cleanSlate() {
        outbox = new Outbox(jdbc);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private String agent(Agents.Builder builder) {
        return builder.named("Zoé").build().soi();
    }

    private String agentWithApp() {
        var soi = agent(agents.create());
        totp.importKey(AgentId.of(soi), Totp.DEMO_KEY, "Téléphone");
        return soi;
    }

    private String totpId(MockBrowser browser) {
        var matcher = TOTP_ID.matcher(browser.body(browser.get(FACTORS)));
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    @Test
    void changesWhenLastFactorOlderThanFiveMinutesThenConfirmFirstThenBackToThePage() {
        var soi = agentWithApp();
        var browser = new MockBrowser(mvc);
        browser.signIn(soi, Demo.PASSWORD);

        var list = browser.body(browser.get(FACTORS));
        assertThat(list).contains("Application d’authentification", "Téléphone", "jamais");
        assertThat(browser.get(FACTORS + "/app")).hasRedirectedUrl("/sign-in/confirm?next=/account/factors/app");

        var confirm = browser.body(browser.get("/sign-in/confirm?next=/account/factors/app"));
        assertThat(confirm).contains("Confirmez que c’est vous", "name=\"code\"");
        assertThat(browser.body(browser.post("/sign-in/confirm/totp?next=/account/factors/app", "code", "111111")))
                .contains("Ce code n’est pas le bon");
        assertThat(browser.post("/sign-in/confirm/totp?next=/account/factors/app", "code", Totp.demo(clock.instant())))
                .hasRedirectedUrl("/account/factors/app");
        assertThat(browser.body(browser.get(FACTORS + "/app"))).contains("otpauth://totp/");

        clock.advance(Duration.ofMinutes(6));
        assertThat(browser.get(FACTORS + "/app"))
                .as("five minutes later")
                .hasRedirectedUrl("/sign-in/confirm?next=/account/factors/app");
        assertThat(browser.get(FACTORS)).as("the list needs no step-up").hasStatusOk();
    }

    @Test
    void changesWhenAgentHasNoFactorThenTheirPasswordConfirms() {
        var soi = agent(agents.create());
        var browser = new MockBrowser(mvc);
        browser.signIn(soi, Demo.PASSWORD);
        assertThat(browser.get(FACTORS + "/app")).as("just signed in").hasStatusOk();

        clock.advance(Duration.ofMinutes(6));
        assertThat(browser.get(FACTORS + "/app")).hasRedirectedUrl("/sign-in/confirm?next=/account/factors/app");
        var confirm = browser.body(browser.get("/sign-in/confirm?next=/account/factors/app"));
        assertThat(confirm).contains("confirmez avec votre mot de passe", "autocomplete=\"current-password\"");
        assertThat(browser.body(
                        browser.post("/sign-in/confirm/password?next=/account/factors/app", "password", "nope")))
                .contains("Le mot de passe actuel est incorrect");
        assertThat(browser.post("/sign-in/confirm/password?next=/account/factors/app", "password", Demo.PASSWORD))
                .hasRedirectedUrl("/account/factors/app");
    }

    @Test
    void removeWhenLastFactorAndOneIsRequiredThenRefusedElseRemovedWithTheRecoveryCodes() {
        var soi = agentWithApp();
        var fromHome = new MockBrowser(mvc, org.guichet.testing.TestData.vpnAddress());
        fromHome.signInWithTotp(soi, jdbc, clock);
        var id = totpId(fromHome);

        assertThat(fromHome.body(fromHome.get(FACTORS + "/" + id + "/remove")))
                .contains("C’est votre dernier moyen de vérification")
                .doesNotContain("type=\"submit\" class=\"button\">Retirer");
        assertThat(fromHome.post(FACTORS + "/" + id + "/remove")).hasRedirectedUrl(FACTORS);
        assertThat(fromHome.body(fromHome.get(FACTORS))).contains("C’est votre dernier moyen de vérification");
        assertThat(factors.hasSecondFactor(directory.findById(AgentId.of(soi)).orElseThrow()))
                .isTrue();

        jdbc.sql("INSERT INTO recovery_code (id, soi, code_hash, created_at) VALUES ('r-" + soi + "', ?, 'x', ?)")
                .params(soi, java.sql.Timestamp.from(clock.instant()))
                .update();
        var atTheOffice = new MockBrowser(mvc);
        atTheOffice.signIn(soi, Demo.PASSWORD);
        jdbc.sql("UPDATE totp_credential SET last_step = NULL WHERE soi = ?")
                .param(soi)
                .update();
        assertThat(atTheOffice.post("/sign-in/confirm/totp?next=/account/factors", "code", Totp.demo(clock.instant())))
                .hasRedirectedUrl(FACTORS);
        assertThat(atTheOffice.body(atTheOffice.get(FACTORS + "/" + id + "/remove")))
                .contains("vous ne pourrez plus vous connecter hors du réseau de la mairie");
        assertThat(atTheOffice.post(FACTORS + "/" + id + "/remove")).hasRedirectedUrl(FACTORS);
        assertThat(atTheOffice.body(atTheOffice.get(FACTORS))).contains("Vous n’avez encore aucun moyen");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM recovery_code WHERE soi = ?")
                        .param(soi)
                        .query(Integer.class)
                        .single())
                .as("recovery codes go with the last factor")
                .isZero();
        assertThat(events.stream(FactorRemoved.class)
                        .filter(e -> e.agent().soi().equals(soi)))
                .extracting(FactorRemoved::type)
                .containsExactly(FactorType.TOTP, FactorType.RECOVERY_CODE);
        var email = directory.findById(AgentId.of(soi)).orElseThrow().email();
        assertThat(outbox.awaitMessage(email, 0)).contains("retiré");
    }

    @Test
    void removeWhenSensitiveAgentThenLastFactorKeptEvenAtTheOffice() {
        var soi = agent(agents.create().sensitive());
        totp.importKey(AgentId.of(soi), Totp.DEMO_KEY, "Téléphone");
        var browser = new MockBrowser(mvc);
        browser.signInWithTotp(soi, jdbc, clock);
        var id = totpId(browser);

        assertThat(browser.post(FACTORS + "/" + id + "/remove")).hasRedirectedUrl(FACTORS);

        assertThat(browser.body(browser.get(FACTORS))).contains("C’est votre dernier moyen de vérification");
        assertThat(events.stream(FactorRemoved.class))
                .noneMatch(e -> e.agent().soi().equals(soi));
    }

    @Test
    void renameWhenOwnFactorThenRenamedAnnouncedAndMailedButAnotherAgentsIsNotFound() {
        var soi = agentWithApp();
        var browser = new MockBrowser(mvc, org.guichet.testing.TestData.vpnAddress());
        browser.signInWithTotp(soi, jdbc, clock);
        var id = totpId(browser);

        assertThat(browser.body(browser.post(FACTORS + "/" + id + "/rename", "name", "  ")))
                .contains("Saisissez un nom");
        assertThat(browser.post(FACTORS + "/" + id + "/rename", "name", "Téléphone pro"))
                .hasRedirectedUrl(FACTORS);
        assertThat(browser.body(browser.get(FACTORS))).contains("Téléphone pro");
        assertThat(events.stream(FactorRenamed.class))
                .anyMatch(e -> e.agent().soi().equals(soi) && e.name().equals("Téléphone pro"));
        var email = directory.findById(AgentId.of(soi)).orElseThrow().email();
        assertThat(outbox.awaitMessage(email, 0)).contains("Téléphone pro");

        var other = agentWithApp();
        var intruder = new MockBrowser(mvc, org.guichet.testing.TestData.vpnAddress());
        intruder.signInWithTotp(other, jdbc, clock);
        assertThat(intruder.get(FACTORS + "/" + id + "/rename")).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(intruder.post(FACTORS + "/" + id + "/remove")).hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void passkeyDeletionWhenAskedOfSpringSecurityDirectlyThenForbidden() {
        var browser = new MockBrowser(mvc);
        browser.signIn(Demo.CAMILLE, Demo.PASSWORD);

        var delete = mvc.delete()
                .uri("/webauthn/register/AAAAAAAAAAAAAAAAAAAAAA")
                .cookie(browser.cookies())
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                .exchange();

        assertThat(delete).hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void passkeyRegistrationWhenNoRecentFactorThenStepUpProblemNamingTheConfirmationPage() {
        var browser = new MockBrowser(mvc);
        browser.signIn(Demo.CAMILLE, Demo.PASSWORD);

        var register = mvc.post()
                .uri("/webauthn/register")
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .content("{}")
                .cookie(browser.cookies())
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                .exchange();

        assertThat(register).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(register).bodyJson().extractingPath("$.errorCode").isEqualTo("STEP_UP_REQUIRED");
        assertThat(register).bodyJson().extractingPath("$.next").asString().startsWith("/sign-in/confirm?next=");
    }

    @Test
    void passkeySignInWhenNoPasswordGivenThenRefused() {
        var anonymous = mvc.post()
                .uri("/login/webauthn")
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .content("{}")
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                .exchange();

        assertThat(anonymous).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(anonymous).bodyJson().extractingPath("$.errorCode").isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void mobileWhenChangedThenVerifiedByACodeToTheNewNumberAndTheFormerOneIsTold() {
        var soi = agent(agents.create().withMobile("06 39 98 12 34"));
        mobiles.verified(soi, "+33639981234");
        var browser = new MockBrowser(mvc);
        browser.signIn(soi, Demo.PASSWORD);
        assertThat(browser.body(browser.get("/account/mobile"))).contains("+33639981234", "Vérifié");

        assertThat(browser.body(browser.post("/account/mobile/change", "number", "01 23 45 67 89")))
                .contains("Ce n’est pas un numéro de mobile");
        var known = outbox.to("+33755501234").size();
        assertThat(browser.post("/account/mobile/change", "number", "07 55 50 12 34"))
                .hasRedirectedUrl("/account/mobile/code");
        var code = outbox.awaitCode("+33755501234", known, 6);
        assertThat(browser.body(browser.post("/account/mobile/code", "code", "000000")))
                .contains("Ce code n’est pas le bon");
        assertThat(directory.findById(AgentId.of(soi)).orElseThrow().mobile())
                .as("unchanged until the code is typed back")
                .isEqualTo("+33639981234");

        var formerKnown = outbox.to("+33639981234").size();
        assertThat(browser.post("/account/mobile/code", "code", code)).hasRedirectedUrl("/account/mobile");
        var agent = directory.findById(AgentId.of(soi)).orElseThrow();
        assertThat(agent.mobile()).isEqualTo("+33755501234");
        assertThat(mobiles.of(agent)).hasValue("+33755501234");
        assertThat(events.stream(MobileNumberChanged.class))
                .anyMatch(e -> e.agent().soi().equals(soi)
                        && "+33639981234".equals(e.previous())
                        && e.current().equals("+33755501234"));
        assertThat(outbox.awaitMessage("+33639981234", formerKnown)).contains("n’est plus celui de votre compte");
        assertThat(outbox.awaitMessage(agent.email(), 0)).contains("numéro de mobile");
    }

    @Test
    void mobileChangeWhenNoRecentFactorThenConfirmFirst() {
        var browser = new MockBrowser(mvc);
        browser.signIn(Demo.CAMILLE, Demo.PASSWORD);

        assertThat(browser.get("/account/mobile")).hasStatusOk();
        assertThat(browser.get("/account/mobile/change"))
                .hasRedirectedUrl("/sign-in/confirm?next=/account/mobile/change");
        assertThat(browser.post("/account/mobile/change", "number", "07 55 50 12 34"))
                .as("a form sent without a recent factor: back to the page it came from, once confirmed")
                .hasRedirectedUrl("/sign-in/confirm?next=/account");
    }
}
