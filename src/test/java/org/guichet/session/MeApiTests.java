package org.guichet.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.guichet.testing.Demo;
import org.guichet.testing.IntegrationTest;
import org.guichet.testing.SignIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@IntegrationTest
class MeApiTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Autowired
    java.time.Clock clock;

    @Autowired
    org.guichet.testing.Agents agents;

    @Autowired
    org.guichet.identity.factor.recovery.RecoveryCodes recoveryCodes;

    @Autowired
    org.guichet.identity.IdentityManagement identity;

    @Autowired
    SessionSettings settings;

    @Test
    void meWhenSignedInThenTheAgent() {
        var session = SignIn.as(mvc, Demo.CAMILLE);

        var me = mvc.get().uri("/api/v1/me").cookie(session).exchange();

        assertThat(me).hasStatusOk().hasContentType(MediaType.APPLICATION_JSON);
        assertThat(me).bodyJson().extractingPath("$.soi").isEqualTo("1000001");
        assertThat(me).bodyJson().extractingPath("$.login").isEqualTo("camille.martin");
        assertThat(me).bodyJson().extractingPath("$.displayName").isEqualTo("Camille Martin");
        assertThat(me).bodyJson().extractingPath("$.email").isEqualTo("camille.martin@ville.example");
        assertThat(me).bodyJson().extractingPath("$.department.code").isEqualTo("VOIRIE");
        assertThat(me).bodyJson().extractingPath("$.roles").asArray().containsExactly("AGENT");
    }

    @Test
    void meWhenManagerWithGrantedRoleThenDerivedAndGrantedRoles() {
        assertThat(mvc.get()
                        .uri("/api/v1/me")
                        .cookie(SignIn.as(mvc, Demo.LUCAS))
                        .exchange())
                .bodyJson()
                .extractingPath("$.roles")
                .asArray()
                .containsExactly("AGENT", "MANAGER");
        assertThat(mvc.get()
                        .uri("/api/v1/me")
                        .cookie(SignIn.withTotp(mvc, jdbc, clock, "ines.petit"))
                        .exchange())
                .bodyJson()
                .extractingPath("$.roles")
                .asArray()
                .containsExactly("AGENT", "HR");
    }

    @Test
    void meWhenTheDirectoryChangesWithoutAnEventThenTheAgentKeptBrieflyThenReadAgain() {
        var agent = agents.create().jobTitle("Jardinier").build();
        var session = SignIn.as(mvc, agent.login());
        var firstRead = System.nanoTime();
        assertThat(me(session)).bodyJson().extractingPath("$.jobTitle").isEqualTo("Jardinier");

        // as another node's change looks from this node: written, nothing published here
        jdbc.sql("UPDATE agent SET job_title = 'Élagueur' WHERE soi = ?")
                .param(agent.soi())
                .update();

        var again = me(session);
        if (System.nanoTime() - firstRead < settings.agentCache().toNanos()) {
            assertThat(again)
                    .bodyJson()
                    .extractingPath("$.jobTitle")
                    .as("kept on this node")
                    .isEqualTo("Jardinier");
        }
        org.awaitility.Awaitility.await()
                .atMost(settings.agentCache().plusSeconds(5))
                .untilAsserted(() -> assertThat(me(session))
                        .bodyJson()
                        .extractingPath("$.jobTitle")
                        .isEqualTo("Élagueur"));
    }

    @Test
    void meWhenFactorsChangeOnThisNodeThenAtOnce() {
        var agent = agents.create().withTotp().build();
        var session = SignIn.as(mvc, agent.login());
        assertThat(me(session)).bodyJson().extractingPath("$.factors").asArray().containsExactly("TOTP");

        recoveryCodes.generate(agent.id());
        assertThat(me(session))
                .bodyJson()
                .extractingPath("$.factors")
                .asArray()
                .containsExactlyInAnyOrder("TOTP", "RECOVERY_CODE");

        // the helpdesk's reset (the phone lost): the app goes, and recovery codes alone are no factor to use
        identity.resetSecondFactors(agent.id(), org.guichet.directory.AgentId.of(Demo.NORA_SOI), true);
        assertThat(me(session)).bodyJson().extractingPath("$.factors").asArray().isEmpty();
        // forgetting a cached answer is no publication of the event registry's (a row written per event)
        assertThat(jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE listener_id LIKE '%SignedInAgents%'")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void meWhenSomeoneStartsReportingToTheAgentThenManagerAtOnce() {
        var agent = agents.create().build();
        var session = SignIn.as(mvc, agent.login());
        assertThat(me(session)).bodyJson().extractingPath("$.roles").asArray().containsExactly("AGENT");

        // the directory's change is about another agent: who is a manager follows from it
        agents.create().withManager(agent).build();

        assertThat(me(session)).bodyJson().extractingPath("$.roles").asArray().containsExactly("AGENT", "MANAGER");
    }

    private org.springframework.test.web.servlet.assertj.MvcTestResult me(jakarta.servlet.http.Cookie session) {
        var answer = mvc.get().uri("/api/v1/me").cookie(session).exchange();
        assertThat(answer).hasStatusOk();
        return answer;
    }

    @Test
    void meWhenAnonymousThen401ProblemWithErrorCode() {
        var me = mvc.get().uri("/api/v1/me").accept(MediaType.APPLICATION_JSON).exchange();

        assertThat(me).hasStatus(HttpStatus.UNAUTHORIZED).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(me).bodyJson().extractingPath("$.errorCode").isEqualTo("UNAUTHENTICATED");
        assertThat(me).bodyJson().extractingPath("$.status").isEqualTo(401);
        assertThat(me).bodyJson().extractingPath("$.type").isEqualTo("/problems/unauthenticated");
    }

    @Test
    void meWhenAnonymousBrowserThenStillProblemNotLoginPage() {
        var me = mvc.get().uri("/api/v1/me").accept(MediaType.TEXT_HTML).exchange();

        assertThat(me).hasStatus(HttpStatus.UNAUTHORIZED).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void stateChangeWhenNoCsrfHeaderThenRefusedAsCsrfInvalid() {
        var session = SignIn.as(mvc, Demo.CAMILLE);

        var result = mvc.post().uri("/api/v1/me").cookie(session).exchange();

        assertThat(result).hasStatus(HttpStatus.FORBIDDEN).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.errorCode").isEqualTo("CSRF_INVALID");
    }

    @Test
    void stateChangeWhenCsrfHeaderFromPageMetaThenPastCsrfCheck() throws Exception {
        var session = SignIn.as(mvc, Demo.CAMILLE);
        var token = SignIn.csrfToken(mvc, session);

        var result = mvc.post()
                .uri("/api/v1/me")
                .cookie(session)
                .header("X-CSRF-TOKEN", token)
                .exchange();

        // the token is accepted; the resource simply does not take POST
        assertThat(result).hasStatus(HttpStatus.METHOD_NOT_ALLOWED);
    }

    @Test
    void meWhenEnglishRequestedThenProblemInEnglish() {
        var me = mvc.get().uri("/api/v1/me?lang=en").exchange();

        assertThat(me).bodyJson().extractingPath("$.detail").isEqualTo("You need to be signed in.");
    }

    @Test
    void meWhenPhoneSendsAcceptLanguageThenProblemInItsLanguage() {
        assertThat(mvc.get()
                        .uri("/api/v1/me")
                        .header("Accept-Language", "en-GB,en;q=0.8")
                        .exchange())
                .bodyJson()
                .extractingPath("$.detail")
                .isEqualTo("You need to be signed in.");
        assertThat(mvc.get()
                        .uri("/api/v1/me")
                        .header("Accept-Language", "de-DE")
                        .exchange())
                .bodyJson()
                .extractingPath("$.detail")
                .isEqualTo("Vous devez être connecté.");
    }
}
