package org.guichet.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.guichet.directory.AgentId;
import org.guichet.directory.DirectoryManagement;
import org.guichet.identity.mfa.EnrolmentCodes;
import org.guichet.platform.CommandLine;
import org.guichet.testing.Agents;
import org.guichet.testing.Demo;
import org.guichet.testing.IntegrationTest;
import org.guichet.testing.MockBrowser;
import org.guichet.testing.MutableClock;
import org.guichet.testing.SignIn;
import org.guichet.testing.TestData;
import org.guichet.testing.Totp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** An agent without a second factor where one is required: enrolment at the office, or with a helpdesk code. */
@IntegrationTest
@RecordApplicationEvents
class EnrolmentTests {

    @Autowired
    Agents agents;

    private static final String ENROL = "/sign-in/enrol";
    private static final Pattern KEY = Pattern.compile("<code>([A-Z2-7 ]{16,})</code>");
    private static final Pattern RECOVERY = Pattern.compile("<code>([A-Z2-9]{5}-[A-Z2-9]{5})</code>");

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    DirectoryManagement directory;

    @Autowired
    EnrolmentCodes enrolmentCodes;

    @Autowired
    List<CommandLine> commands;

    @Autowired
    MutableClock clock;

    @Autowired
    ApplicationEvents events;

    @BeforeEach
    void cleanSlate() {}

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void enrolWhenNoFactorFromTheInternetThenTwoWaysForwardAndNothingElse() {
        var soi = agents.create().named("Théo").build().block().soi(1);
        var browser = MockBrowser.fromInternet(mvc);
        browser.signIn(soi, Demo.PASSWORD);

        assertThat(browser.get("/")).hasRedirectedUrl(ENROL);
        assertThat(browser.get("/account")).hasRedirectedUrl(ENROL);
        var page = browser.body(browser.get(ENROL));
        assertThat(page).contains("Deux façons de continuer", "réseau de la mairie", "code d’enrôlement");
        assertThat(page).doesNotContain("Créer ma clé d’accès", "Utiliser une application");
        assertThat(browser.get(ENROL + "/app")).as("no app without a code").hasRedirectedUrl(ENROL);
        assertThat(browser.body(browser.post(ENROL + "/code", "code", "K7WQ-MX3A-PF9T")))
                .contains("Ce code d’enrôlement n’est pas valable");
        assertThat(browser.get("/")).hasRedirectedUrl(ENROL);
    }

    @Test
    void enrolWhenHelpdeskCodeThenTheAppIsEnrolledWithItsFirstCodeAndRecoveryCodesShownOnce() {
        var soi = agents.create().named("Théo").build().block().soi(1);
        var issued = enrolmentCodes.issue(AgentId.of(soi), "hugo.robert");
        var browser = MockBrowser.fromVpn(mvc);
        browser.signIn(soi, Demo.PASSWORD);

        assertThat(browser.post(ENROL + "/code", "code", issued.code().toLowerCase()))
                .hasRedirectedUrl(ENROL);
        var choices = browser.body(browser.get(ENROL));
        assertThat(choices).contains("Créer ma clé d’accès", "Utiliser une application");

        var appPage = browser.body(browser.get(ENROL + "/app"));
        assertThat(appPage).contains("<svg", "role=\"img\"", "otpauth://totp/Guichet:");
        var matcher = KEY.matcher(appPage);
        assertThat(matcher.find()).as("the key in groups for typing by hand").isTrue();
        var key = matcher.group(1);
        assertThat(browser.body(browser.post(ENROL + "/app", "code", "123456", "name", "Mon téléphone")))
                .contains("Ce code n’est pas le bon");
        assertThat(KEY.matcher(browser.body(browser.get(ENROL + "/app")))
                        .results()
                        .map(m -> m.group(1)))
                .as("the same key until confirmed")
                .containsExactly(key);

        var confirmed = browser.body(
                browser.post(ENROL + "/app", "code", Totp.code(key, clock.instant()), "name", "Mon téléphone"));
        assertThat(confirmed).contains("Votre application d’authentification est ajoutée", "Vos codes de secours");
        assertThat(RECOVERY.matcher(confirmed).results()).hasSize(10);
        assertThat(browser.get("/sign-in/continue")).hasRedirectedUrl("/");
        assertThat(browser.body(browser.get("/"))).contains("Théo");
        assertThat(events.stream(EnrolmentCodeUsed.class))
                .anyMatch(e -> e.agent().soi().equals(soi));
        assertThat(events.stream(FactorAdded.class).filter(e -> e.agent().soi().equals(soi)))
                .extracting(FactorAdded::type)
                .containsExactly(FactorType.TOTP, FactorType.RECOVERY_CODE);

        var other = MockBrowser.fromInternet(mvc);
        other.signIn(soi, Demo.PASSWORD);
        assertThat(other.get("/"))
                .as("now a factor is asked, not enrolment")
                .hasRedirectedUrl("/sign-in/second-factor");
    }

    @Test
    void enrolmentCodeWhenUsedOnceOrExpiredThenRefused() {
        var soi = agents.create().named("Théo").build().block().soi(1);
        var used = enrolmentCodes.issue(AgentId.of(soi), "hugo.robert");
        var first = MockBrowser.fromInternet(mvc);
        first.signIn(soi, Demo.PASSWORD);
        assertThat(first.post(ENROL + "/code", "code", used.code())).hasRedirectedUrl(ENROL);

        var second = MockBrowser.fromInternet(mvc);
        second.signIn(soi, Demo.PASSWORD);
        assertThat(second.body(second.post(ENROL + "/code", "code", used.code())))
                .contains("Ce code d’enrôlement n’est pas valable");

        var late = enrolmentCodes.issue(AgentId.of(soi), "hugo.robert");
        clock.advance(Duration.ofHours(25));
        var third = MockBrowser.fromInternet(mvc);
        third.signIn(soi, Demo.PASSWORD);
        assertThat(third.body(third.post(ENROL + "/code", "code", late.code())))
                .contains("Ce code d’enrôlement n’est pas valable");
    }

    @Test
    void enrolWhenSensitiveAgentAtTheOfficeThenGuidedToEnrolBeforeAnythingWithoutACode() {
        var soi = agents.create().named("Inès").sensitive().build().block().soi(1);
        var browser = new MockBrowser(mvc);
        browser.signIn(soi, Demo.PASSWORD);

        assertThat(browser.get("/")).hasRedirectedUrl(ENROL);
        var page = browser.body(browser.get(ENROL));
        assertThat(page).contains("données sensibles", "Créer ma clé d’accès", "Utiliser une application");
        assertThat(browser.body(browser.get(ENROL + "/app"))).contains("otpauth://totp/");
    }

    @Test
    void enrolWhenOrdinaryAgentAtTheOfficeThenNotAsked() {
        var soi = agents.create().named("Théo").build().block().soi(1);
        var browser = new MockBrowser(mvc);
        browser.signIn(soi, Demo.PASSWORD);

        assertThat(browser.get("/")).hasStatusOk();
        assertThat(browser.get(ENROL)).as("nothing to enrol here").hasRedirectedUrl("/sign-in/continue");
    }

    @Test
    void commandLineWhenEnrolmentCodeIssuedThenPrintedOnceAndItWorks() throws Exception {
        var soi = agents.create().named("Théo").build().block().soi(1);
        var command = commands.stream()
                .filter(c -> c.name().equals("enrolment-code"))
                .findFirst()
                .orElseThrow();
        var printed = new ByteArrayOutputStream();

        var exit = command.run(
                new CommandLine.Arguments(List.of(soi), Map.of("by", List.of("hugo.robert"))),
                new PrintStream(printed, true, StandardCharsets.UTF_8));

        assertThat(exit).isZero();
        var output = printed.toString(StandardCharsets.UTF_8);
        var code = Pattern.compile("([A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4})").matcher(output);
        assertThat(code.find()).as(output).isTrue();
        assertThat(output).contains("Théo", soi, "Valable une fois");
        assertThat(jdbc.sql("SELECT code_hash FROM enrolment_code WHERE soi = ?")
                        .param(soi)
                        .query(String.class)
                        .single())
                .as("hashed at rest")
                .startsWith("{argon2id}")
                .doesNotContain(code.group(1));
        var browser = MockBrowser.fromInternet(mvc);
        browser.signIn(soi, Demo.PASSWORD);
        assertThat(browser.post(ENROL + "/code", "code", code.group(1))).hasRedirectedUrl(ENROL);

        var unknown = command.run(
                new CommandLine.Arguments(List.of("personne.inconnue"), Map.of("by", List.of("hugo.robert"))),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertThat(unknown).isEqualTo(1);
        var noIssuer = command.run(
                new CommandLine.Arguments(List.of(soi), Map.of()),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertThat(noIssuer).isEqualTo(2);
    }

    @Test
    void meWhenEnrolledThroughTheHelpdeskThenMfaAssurance() {
        var soi = agents.create().named("Théo").build().block().soi(1);
        var issued = enrolmentCodes.issue(AgentId.of(soi), "hugo.robert");
        var address = TestData.address();
        var browser = new MockBrowser(mvc, address);
        browser.signIn(soi, Demo.PASSWORD);
        browser.post(ENROL + "/code", "code", issued.code());
        var key = KEY.matcher(browser.body(browser.get(ENROL + "/app")))
                .results()
                .findFirst()
                .orElseThrow()
                .group(1);
        browser.post(ENROL + "/app", "code", Totp.code(key, clock.instant()), "name", "");

        var me = mvc.get()
                .uri("/api/v1/me")
                .cookie(browser.cookies())
                .with(SignIn.from(address))
                .exchange();
        assertThat(me).hasStatusOk().bodyJson().extractingPath("$.assurance").isEqualTo("MFA");
        assertThat(me).bodyJson().extractingPath("$.factors").asArray().containsExactly("TOTP", "RECOVERY_CODE");
    }
}
