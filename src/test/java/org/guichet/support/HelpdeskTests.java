package org.guichet.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.guichet.testing.Agents;
import org.guichet.testing.IntegrationTest;
import org.guichet.testing.MockBrowser;
import org.guichet.testing.SignIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The helpdesk from end to end, as the issue tells it: Théo Moreau locks himself out; Hugo Robert's diagnosis shows
 * the lock with its end; unlocking with a reason lets Théo sign in; Sarah Durand finds it all in the journal with Hugo
 * as the actor. And the refusals along the way.
 */
@IntegrationTest
class HelpdeskTests {

    private static final String HUGO = "1000004";
    /** The README's Théo Moreau, only read here (his payslips are the demo's). */
    private static final String THEO_OF_THE_DEMO = "1000007";

    private static final String OFFICE = "10.1.2.3";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    Clock clock;

    @Autowired
    Agents agents;

    /** The agent the helpdesk helps: a Théo of the test's own, so that locking him out locks nobody else. */
    Agents.TestAgent theoAgent;

    @BeforeEach
    void anAgentToHelp() {
        theoAgent = agents.create().named("Théo").build();
        jdbc.sql("UPDATE totp_credential SET last_step = NULL").update();
    }

    @Test
    void unlockWhenTheoLockedHimselfOutThenDiagnosedUnlockedWithReasonAndJournaledWithHugoAsActor() throws Exception {
        for (var attempt = 0; attempt < 5; attempt++) {
            SignIn.attempt(mvc, theoAgent.login(), "not-his-password-42", SignIn.from(OFFICE));
        }
        var refused = SignIn.attempt(mvc, theoAgent.login(), org.guichet.testing.Demo.PASSWORD, SignIn.from(OFFICE));
        assertThat(refused.getResponse().getRedirectedUrl()).contains("error");

        var hugo = new MockBrowser(mvc, OFFICE);
        hugo.signInWithTotp("hugo.robert", jdbc, clock);
        var diagnosis = hugo.getJson("/api/v1/support/agents/" + theoAgent.soi() + "/diagnosis");
        assertThat(diagnosis).hasStatusOk();
        var json = hugo.body(diagnosis);
        List<String> codes = JsonPath.read(json, "$[*].code");
        assertThat(codes).contains("LOCKED", "RECENT_FAILURES").doesNotContain("NOTHING_BLOCKING");
        List<String> lockDetails = JsonPath.read(json, "$[?(@.code == 'LOCKED')].detail");
        assertThat(lockDetails.getFirst())
                .matches(".*jusqu’au \\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}, après \\d+ échecs\\.");
        List<String> remedies = JsonPath.read(json, "$[?(@.code == 'LOCKED')].remedy");
        assertThat(remedies).containsOnly("UNLOCK");

        // a reason is required, and nothing is unlocked without one
        var withoutReason = hugo.postJson("/api/v1/support/agents/" + theoAgent.soi() + "/unlock", "{}");
        assertThat(withoutReason).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(withoutReason).bodyJson().extractingPath("$.errorCode").isEqualTo("REASON_REQUIRED");
        assertThat(SignIn.attempt(mvc, theoAgent.login(), org.guichet.testing.Demo.PASSWORD, SignIn.from(OFFICE))
                        .getResponse()
                        .getRedirectedUrl())
                .contains("error");

        var unlocked = hugo.postJson(
                "/api/v1/support/agents/" + theoAgent.soi() + "/unlock",
                "{\"reason\": \"Appel de l’agent, identité vérifiée\"}");
        assertThat(unlocked).hasStatusOk();
        assertThat(hugo.postJson("/api/v1/support/agents/" + theoAgent.soi() + "/unlock", "{\"reason\": \"Encore\"}"))
                .hasStatus(HttpStatus.CONFLICT);
        SignIn.as(mvc, theoAgent.login());

        var sarah = new MockBrowser(mvc, OFFICE);
        sarah.signInWithTotp("sarah.durand", jdbc, clock);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            var found = sarah.body(sarah.getJson("/api/v1/audit?agent=" + theoAgent.soi()));
            List<String> locked = JsonPath.read(
                    found, "$[?(@.type == 'AccountLocked' && @.subject == '" + theoAgent.soi() + "')].type");
            assertThat(locked).isNotEmpty();
            List<String> byHugo =
                    JsonPath.read(found, "$[?(@.actor == '1000004' && @.subject == '" + theoAgent.soi() + "')].type");
            assertThat(byHugo).contains("HelpdeskDiagnosis", "HelpdeskUnlock", "AccountUnlocked");
            List<String> reasons = JsonPath.read(found, "$[?(@.type == 'HelpdeskUnlock')].details.reason");
            assertThat(reasons).contains("Appel de l’agent, identité vérifiée");
        });
        var verification = sarah.getJson("/api/v1/audit/verify");
        assertThat(verification).bodyJson().extractingPath("$.valid").isEqualTo(true);
    }

    @Test
    void enrolmentCodeWhenIssuedThenShownOnceWorksForTheAgentAndIsJournaledWithoutTheCode() throws Exception {
        var hugo = new MockBrowser(mvc, OFFICE);
        hugo.signInWithTotp("hugo.robert", jdbc, clock);
        var issued = hugo.postJson(
                "/api/v1/support/agents/" + theoAgent.soi() + "/enrolment-code",
                "{\"reason\": \"Nouveau téléphone perdu\"}");
        assertThat(issued).hasStatusOk();
        String code = JsonPath.read(hugo.body(issued), "$.code");
        assertThat(code).matches("[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}");
        var entry = jdbc.sql("SELECT details FROM journal_entry WHERE type = 'HelpdeskEnrolmentCode' AND subject = ?"
                        + " ORDER BY seq DESC FETCH FIRST 1 ROWS ONLY")
                .param(theoAgent.soi())
                .query(String.class)
                .single();
        assertThat(entry).contains("Nouveau téléphone perdu").doesNotContain(code);
        assertThat(hugo.postJson("/api/v1/support/agents/" + HUGO + "/enrolment-code", "{\"reason\": \"Moi-même\"}"))
                .hasStatus(HttpStatus.FORBIDDEN)
                .bodyJson()
                .extractingPath("$.errorCode")
                .isEqualTo("SELF_SERVICE_ONLY");
        assertThat(hugo.postJson("/api/v1/support/agents/9999999/enrolment-code", "{\"reason\": \"Inconnu\"}"))
                .hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void sessionsWhenRevokedByTheHelpdeskThenTheAgentIsSignedOut() {
        var theo = new MockBrowser(mvc, OFFICE);
        theo.signIn(theoAgent.login(), org.guichet.testing.Demo.PASSWORD);
        assertThat(theo.get("/account")).hasStatusOk();
        var hugo = new MockBrowser(mvc, OFFICE);
        hugo.signInWithTotp("hugo.robert", jdbc, clock);
        var revoked = hugo.postJson(
                "/api/v1/support/agents/" + theoAgent.soi() + "/sessions/revoke",
                "{\"reason\": \"Poste partagé resté ouvert\"}");
        assertThat(revoked).hasStatusOk();
        assertThat(revoked).bodyJson().extractingPath("$.closed").asNumber().isNotEqualTo(0);
        assertThat(theo.get("/account")).hasStatus3xxRedirection();
    }

    @Test
    void whatIfWhenAskedThenTheRealPolicyAnswersWithItsReason() throws Exception {
        var hugo = new MockBrowser(mvc, OFFICE);
        hugo.signInWithTotp("hugo.robert", jdbc, clock);
        var gis = hugo.getJson("/api/v1/support/agents/" + theoAgent.soi() + "/what-if?channel=NOMADIC&service=gis");
        assertThat(gis).hasStatusOk();
        assertThat(gis).bodyJson().extractingPath("$.allowed").isEqualTo(false);
        assertThat(gis).bodyJson().extractingPath("$.reason").isEqualTo("CHANNEL_NOT_ALLOWED");
        var payslips = hugo.getJson(
                "/api/v1/support/agents/" + theoAgent.soi() + "/what-if?channel=INTERNAL&service=payslips");
        assertThat(payslips).bodyJson().extractingPath("$.allowed").isEqualTo(true);
        assertThat(hugo.getJson("/api/v1/support/agents/" + theoAgent.soi() + "/what-if?channel=MOON&service=payslips"))
                .hasStatus(HttpStatus.BAD_REQUEST);
    }

    @Test
    void leastPrivilegeWhenOthersTryThenEachRoleReachesOnlyItsOwnScreens() throws Exception {
        var theo = new MockBrowser(mvc, OFFICE);
        theo.signIn("theo.moreau", org.guichet.testing.Demo.PASSWORD);
        assertThat(theo.getJson("/api/v1/support/agents/" + THEO_OF_THE_DEMO + "/diagnosis"))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(theo.get("/support")).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(theo.getJson("/api/v1/audit")).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(theo.get("/security/journal")).hasStatus(HttpStatus.FORBIDDEN);

        var hugo = new MockBrowser(mvc, OFFICE);
        hugo.signInWithTotp("hugo.robert", jdbc, clock);
        assertThat(hugo.getJson("/api/v1/audit?agent=" + THEO_OF_THE_DEMO)).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(hugo.get("/security/journal")).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(hugo.getJson("/api/v1/audit/export.csv")).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(hugo.getJson("/api/v1/hr/leave/profiles/" + THEO_OF_THE_DEMO))
                .hasStatus(HttpStatus.FORBIDDEN);
        var theosPayslip = jdbc.sql("SELECT id FROM payslip WHERE soi = ? FETCH FIRST 1 ROWS ONLY")
                .param(THEO_OF_THE_DEMO)
                .query(String.class)
                .single();
        assertThat(hugo.getJson("/api/v1/payslips/" + theosPayslip + "/pdf")).hasStatus(HttpStatus.NOT_FOUND);

        var sarah = new MockBrowser(mvc, OFFICE);
        sarah.signInWithTotp("sarah.durand", jdbc, clock);
        assertThat(sarah.getJson("/api/v1/support/agents/" + THEO_OF_THE_DEMO + "/diagnosis"))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(sarah.getJson("/api/v1/audit?agent=" + THEO_OF_THE_DEMO)).hasStatusOk();
        assertThat(sarah.getJson("/api/v1/audit?agent=theo")).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(sarah.getJson("/api/v1/audit?from=2026-12-01&to=2026-11-01")).hasStatus(HttpStatus.BAD_REQUEST);

        // the helpdesk works from the office or the VPN, never from the internet
        var hugoAway = MockBrowser.fromVpn(mvc);
        hugoAway.signInWithTotp("hugo.robert", jdbc, clock);
        assertThat(hugoAway.getJson("/api/v1/support/agents/" + THEO_OF_THE_DEMO + "/diagnosis"))
                .hasStatusOk();
        jdbc.sql("UPDATE totp_credential SET last_step = NULL").update();
        var hugoHome = MockBrowser.fromInternet(mvc);
        hugoHome.signInWithTotp("hugo.robert", jdbc, clock);
        assertThat(hugoHome.getJson("/api/v1/support/agents/" + THEO_OF_THE_DEMO + "/diagnosis"))
                .hasStatus(HttpStatus.FORBIDDEN);
    }
}
