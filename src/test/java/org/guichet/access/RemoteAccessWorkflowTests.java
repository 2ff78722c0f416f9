package org.guichet.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import org.guichet.testing.Agents;
import org.guichet.testing.IntegrationTest;
import org.guichet.testing.MockBrowser;
import org.guichet.testing.Outbox;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Remote access from end to end, as the demo tells it (with a Théo and a Lucas of the test's own): Théo, on the
 * internet without a profile, reaches only the page that explains it; he asks; Lucas, his manager, approves; Hugo
 * Robert, IT support, activates; then
 * Théo reaches his services, in the same session. And the refusals along the way.
 */
@IntegrationTest
class RemoteAccessWorkflowTests {

    private static final String INTERNET = "203.0.113.7";
    private static final String OFFICE = "10.1.2.3";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Autowired
    Agents agents;

    /** Théo, without remote access but with an app (from the internet he needs a factor first), and his manager. */
    Agents.TestAgent theoAgent;

    Agents.TestAgent lucasAgent;

    @BeforeEach
    void theoHasNoProfileAndAnApp() {
        lucasAgent = agents.create().named("Lucas").withTotp().build();
        theoAgent =
                agents.create().named("Théo").withManager(lucasAgent).withTotp().build();
    }

    @Test
    void remoteAccessWhenRequestedApprovedAndActivatedThenTheoReachesHisServices() {
        var theo = new MockBrowser(mvc, INTERNET);
        theo.signInWithTotp(theoAgent.login(), jdbc, clock);

        // only the explanation page
        assertThat(theo.get("/")).hasRedirectedUrl("/remote-access");
        assertThat(theo.get("/account")).hasRedirectedUrl("/remote-access");
        var page = theo.get("/remote-access");
        assertThat(page).hasStatusOk();
        assertThat(theo.body(page)).contains("data-reason=\"NOMADIC_PROFILE_MISSING\"", "Demander l’accès à distance");
        refusedWith(theo.getJson("/api/v1/payslips"), "NOMADIC_PROFILE_MISSING", "/remote-access");
        assertThat(theo.getJson("/api/v1/services"))
                .bodyJson()
                .extractingPath("$[?(@.id == 'payslips')].reason.code")
                .asArray()
                .containsExactly("NOMADIC_PROFILE_MISSING");

        // he asks
        assertThat(theo.post("/remote-access", "reason", "Astreintes de voirie le week-end", "endDate", ""))
                .hasRedirectedUrl("/remote-access");
        assertThat(theo.body(theo.get("/remote-access"))).contains("data-state=\"REQUESTED\"", lucasAgent.fullName());
        refusedWith(theo.getJson("/api/v1/payslips"), "NOMADIC_PROFILE_PENDING", "/remote-access");
        assertThat(theo.post("/remote-access", "reason", "Encore", "endDate", ""))
                .hasStatus(HttpStatus.CONFLICT);

        // Lucas approves from the office
        var lucas = new MockBrowser(mvc, OFFICE);
        lucas.signInWithTotp(lucasAgent.login(), jdbc, clock);
        var waiting = lucas.getJson("/api/v1/approvals");
        assertThat(waiting)
                .bodyJson()
                .extractingPath("$[?(@.requester.soi == '" + theoAgent.soi() + "')].kind")
                .asArray()
                .containsExactly("nomadic-profile");
        var id = com.jayway.jsonpath.JsonPath.<java.util.List<String>>read(
                        lucas.body(waiting), "$[?(@.requester.soi == '" + theoAgent.soi() + "')].id")
                .getFirst();
        assertThat(lucas.postJson("/api/v1/approvals/" + id + "/approve", "{\"comment\": \"D’accord\"}"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.state")
                .isEqualTo("APPROVED");
        assertThat(theo.getJson("/api/v1/nomadic-profile"))
                .bodyJson()
                .extractingPath("$.state")
                .isEqualTo("APPROVED");
        refusedWith(theo.getJson("/api/v1/payslips"), "NOMADIC_PROFILE_PENDING", "/remote-access");

        // Hugo, IT support, activates
        var hugo = new MockBrowser(mvc, OFFICE);
        hugo.signInWithTotp("hugo.robert", jdbc, clock);
        assertThat(hugo.getJson("/api/v1/support/nomadic-profiles?state=APPROVED"))
                .bodyJson()
                .extractingPath("$[*].soi")
                .asArray()
                .contains(theoAgent.soi());
        assertThat(hugo.postJson("/api/v1/support/nomadic-profiles/" + theoAgent.soi() + "/activate", null))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.state")
                .isEqualTo("ACTIVE");

        // Théo, same session, reaches his services; the GIS still says why not
        assertThat(theo.get("/")).hasStatusOk();
        var services = theo.getJson("/api/v1/services");
        assertThat(services)
                .bodyJson()
                .extractingPath("$[?(@.id == 'payslips')].allowed")
                .asArray()
                .containsExactly(true);
        assertThat(services)
                .bodyJson()
                .extractingPath("$[?(@.id == 'gis')].reason.code")
                .asArray()
                .containsExactly("CHANNEL_NOT_ALLOWED");
        assertThat(theo.getJson("/api/v1/nomadic-profile"))
                .bodyJson()
                .extractingPath("$.timeline[*].step")
                .asArray()
                .containsExactly("REQUESTED", "APPROVED", "ACTIVATED");
        var outbox = new Outbox(jdbc);
        assertThat(outbox.awaitMessage(theoAgent.email(), 0)).isNotEmpty();
    }

    @Test
    void approvalWhenNotTheApproverOrWithoutCommentThenRefused() {
        var theo = new MockBrowser(mvc, INTERNET);
        theo.signInWithTotp(theoAgent.login(), jdbc, clock);
        assertThat(theo.postJson(
                        "/api/v1/nomadic-profile/requests", "{\"reason\": \"Télétravail\", \"endDate\": null}"))
                .hasStatus(HttpStatus.CREATED);
        var id = jdbc.sql("SELECT id FROM approval WHERE requester_soi = ? AND state = 'PENDING'")
                .param(theoAgent.soi())
                .query(String.class)
                .single();

        var camille = new MockBrowser(mvc, OFFICE);
        camille.signInWithTotp(agents.create().withTotp().build().login(), jdbc, clock);
        assertThat(camille.postJson("/api/v1/approvals/" + id + "/approve", "{}"))
                .hasStatus(HttpStatus.NOT_FOUND)
                .bodyJson()
                .extractingPath("$.errorCode")
                .isEqualTo("APPROVAL_NOT_FOUND");
        assertThat(camille.postJson("/api/v1/support/nomadic-profiles/" + theoAgent.soi() + "/activate", null))
                .hasStatus(HttpStatus.FORBIDDEN);

        var lucas = new MockBrowser(mvc, OFFICE);
        lucas.signInWithTotp(lucasAgent.login(), jdbc, clock);
        assertThat(lucas.postJson("/api/v1/approvals/" + id + "/reject", "{\"comment\": \"  \"}"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errorCode")
                .isEqualTo("COMMENT_REQUIRED");
        var hugo = new MockBrowser(mvc, OFFICE);
        hugo.signInWithTotp("hugo.robert", jdbc, clock);
        assertThat(hugo.postJson("/api/v1/support/nomadic-profiles/" + theoAgent.soi() + "/activate", null))
                .hasStatus(HttpStatus.CONFLICT)
                .bodyJson()
                .extractingPath("$.errorCode")
                .isEqualTo("NOT_APPROVED");

        assertThat(lucas.postJson("/api/v1/approvals/" + id + "/reject", "{\"comment\": \"Pas d’astreinte prévue\"}"))
                .hasStatusOk();
        assertThat(lucas.postJson("/api/v1/approvals/" + id + "/approve", "{}")).hasStatus(HttpStatus.CONFLICT);
        assertThat(theo.getJson("/api/v1/nomadic-profile"))
                .bodyJson()
                .extractingPath("$.state")
                .isEqualTo("REJECTED");
        assertThat(theo.body(theo.get("/remote-access"))).contains("Pas d’astreinte prévue", "Refusé");
    }

    @Test
    void requestWhenReasonMissingOrEndDateTooFarThenFieldErrors() {
        var theo = new MockBrowser(mvc, INTERNET);
        theo.signInWithTotp(theoAgent.login(), jdbc, clock);

        var missing = theo.post("/remote-access", "reason", " ", "endDate", "");
        assertThat(missing).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(theo.body(missing)).contains("Dites pourquoi vous avez besoin de l’accès à distance.");
        var tooFar = theo.post("/remote-access", "reason", "Télétravail", "endDate", "2099-01-01");
        assertThat(tooFar).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(theo.body(tooFar)).contains("Choisissez une date entre aujourd’hui et le");
        assertThat(theo.postJson("/api/v1/nomadic-profile/requests", "{\"reason\": \"\"}"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errorCode")
                .isEqualTo("REASON_REQUIRED");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM nomadic_profile WHERE soi = ?")
                        .param(theoAgent.soi())
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    /** A refused API call: its status, its reason code and the remedy's link. */
    static void refusedWith(MvcTestResult result, String code, String remedy) {
        assertThat(result).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(result).bodyJson().extractingPath("$.errorCode").isEqualTo(code);
        assertThat(result).bodyJson().extractingPath("$.reason.code").isEqualTo(code);
        assertThat(result)
                .bodyJson()
                .extractingPath("$.reason.message")
                .asString()
                .isNotBlank();
        assertThat(result).bodyJson().extractingPath("$.remedy.href").isEqualTo(remedy);
        assertThat(result)
                .bodyJson()
                .extractingPath("$.remedy.label")
                .asString()
                .isNotBlank();
    }
}
