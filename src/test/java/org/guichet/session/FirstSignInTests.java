package org.guichet.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import org.guichet.network.Channel;
import org.guichet.session.charter.CharterService;
import org.guichet.testing.Agents;
import org.guichet.testing.Demo;
import org.guichet.testing.IntegrationTest;
import org.guichet.testing.MockBrowser;
import org.guichet.testing.SignIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** Jules Garcia's first sign-in: a password of his own, then the charter, before anything else. */
@IntegrationTest
@org.springframework.test.context.event.RecordApplicationEvents
class FirstSignInTests {

    static final String HIS_PASSWORD = "Quatre mots sans rapport ici";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    CharterService charter;

    @Autowired
    org.springframework.test.context.event.ApplicationEvents events;

    @Autowired
    Agents agents;

    /** A new agent, as Jules Garcia is in the README: the password to change, the charter not accepted yet. */
    Agents.TestAgent newcomer;

    @BeforeEach
    void aNewAgent() {
        newcomer = agents.create()
                .named("Jules")
                .mustChangePassword()
                .withoutCharter()
                .build();
    }

    /** The charter's later versions a test published apply to everybody: they go when it ends. */
    @AfterEach
    void onlyTheFirstCharter() {
        jdbc.sql("DELETE FROM charter_acceptance WHERE version > 1").update();
        jdbc.sql("DELETE FROM charter_version WHERE version > 1").update();
    }

    @Test
    void firstSignInThenNewPasswordThenCharterThenThePageFirstAskedFor() {
        var jules = new MockBrowser(mvc);
        assertThat(jules.get("/account/sessions").getResponse().getRedirectedUrl())
                .endsWith("/login");
        assertThat(jules.signIn(newcomer.login(), Demo.PASSWORD)).hasStatus3xxRedirection();

        assertThat(jules.get("/account/sessions")).hasRedirectedUrl("/sign-in/password");
        var passwordPage = jules.body(jules.get("/sign-in/password"));
        assertThat(passwordPage).contains("Pour votre première connexion", "au moins 12 caractères");

        var weak = jules.post("/sign-in/password", "password", "jules2026", "confirmation", "jules2026");
        assertThat(jules.body(weak))
                .contains("id=\"error-summary\"", "au moins 12 caractères", "ni votre nom")
                .contains("aria-invalid=\"true\"");
        var differing = jules.post("/sign-in/password", "password", HIS_PASSWORD, "confirmation", HIS_PASSWORD + "!");
        assertThat(jules.body(differing)).contains("Les deux mots de passe saisis sont différents");
        var same = jules.post("/sign-in/password", "password", Demo.PASSWORD, "confirmation", Demo.PASSWORD);
        assertThat(jules.body(same)).contains("déjà utilisé ce mot de passe");

        assertThat(jules.post("/sign-in/password", "password", HIS_PASSWORD, "confirmation", HIS_PASSWORD))
                .hasRedirectedUrl("/sign-in/continue");
        assertThat(jules.get("/sign-in/continue")).hasRedirectedUrl("/sign-in/charter");

        var charterPage = jules.body(jules.get("/sign-in/charter"));
        assertThat(charterPage).contains("Charte d’utilisation des ressources informatiques", "226-15");
        assertThat(jules.body(jules.post("/sign-in/charter", "version", "1")))
                .contains("Cochez la case pour accepter la charte");
        assertThat(jules.post("/sign-in/charter", "version", "1", "accept", "true"))
                .hasRedirectedUrl("/sign-in/continue");

        assertThat(jules.get("/sign-in/continue")).hasRedirectedUrl("/account/sessions");
        assertThat(jules.body(jules.get("/"))).contains("Bonjour Jules");
        var acceptance = charter.accepted(newcomer.id()).orElseThrow();
        assertThat(acceptance.version()).isEqualTo(1);
        assertThat(acceptance.channel()).isEqualTo(Channel.INTERNAL);
        assertThat(events.stream(CharterAccepted.class))
                .anyMatch(e ->
                        e.agent().soi().equals(newcomer.soi()) && e.version() == 1 && e.channel() == Channel.INTERNAL);
        assertThat(events.stream(org.guichet.identity.PasswordChanged.class))
                .anyMatch(e -> e.agent().soi().equals(newcomer.soi())
                        && e.reason() == org.guichet.identity.PasswordChangeReason.FIRST_SIGN_IN);
    }

    @Test
    void firstSignInWhenAnyPageAskedThenTheStepComesFirst() {
        var jules = new MockBrowser(mvc);
        jules.signIn(newcomer.login(), Demo.PASSWORD);

        for (var page : new String[] {"/", "/account", "/account/password", "/account/charter", "/sign-in/charter"}) {
            assertThat(jules.get(page).getResponse().getRedirectedUrl())
                    .as(page)
                    .isEqualTo("/sign-in/password");
        }
        assertThat(jules.get("/legal")).hasStatusOk();
        jules.post("/sign-in/password", "password", HIS_PASSWORD, "confirmation", HIS_PASSWORD);
        for (var page : new String[] {"/", "/account", "/account/sessions"}) {
            assertThat(jules.get(page).getResponse().getRedirectedUrl())
                    .as(page)
                    .isEqualTo("/sign-in/charter");
        }
    }

    @Test
    void firstSignInWhenApiCalledThenRefusedWithTheNextStep() {
        var session = SignIn.as(mvc, newcomer.login());

        var me = mvc.get().uri("/api/v1/me").cookie(session).exchange();

        assertThat(me).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(me).bodyJson().extractingPath("$.errorCode").isEqualTo("SIGN_IN_INCOMPLETE");
        assertThat(me).bodyJson().extractingPath("$.next").isEqualTo("/sign-in/password");
    }

    @Test
    void firstSignInWhenSignedOutMidwayThenStillPendingNextTime() {
        var jules = new MockBrowser(mvc);
        jules.signIn(newcomer.login(), Demo.PASSWORD);
        jules.post("/logout");

        var again = new MockBrowser(mvc);
        again.signIn(newcomer.login(), Demo.PASSWORD);
        assertThat(again.get("/")).hasRedirectedUrl("/sign-in/password");
    }

    @Test
    void charterWhenNewVersionPublishedThenAskedAgainAtNextSignIn() {
        var agent = agents.create().build();
        jdbc.sql("""
                INSERT INTO charter_version (version, published_at, title_fr, title_en, text_fr, text_en)
                VALUES (2, ?, 'Charte v2', 'Charter v2', 'Article nouveau.', 'New article.')""").param(Timestamp.from(Instant.now())).update();
        var camille = new MockBrowser(mvc);
        camille.signIn(agent.login(), Demo.PASSWORD);

        assertThat(camille.get("/")).hasRedirectedUrl("/sign-in/charter");
        assertThat(camille.body(camille.get("/sign-in/charter"))).contains("Charte v2", "Article nouveau.");
        camille.post("/sign-in/charter", "version", "2", "accept", "true");
        assertThat(camille.get("/sign-in/continue")).hasRedirectedUrl("/");
        assertThat(camille.body(camille.get("/account/charter"))).contains("Version 2, acceptée le");
    }

    @Test
    void charterWhenAcceptedThenAgentReadsTheVersionTheyAccepted() {
        var camille = new MockBrowser(mvc);
        camille.signIn(Demo.CAMILLE, Demo.PASSWORD);

        var page = camille.body(camille.get("/account/charter?lang=en"));

        assertThat(page).contains("Charter for the use of IT resources", "Version 1, accepted on", "2. Credentials.");
    }
}
