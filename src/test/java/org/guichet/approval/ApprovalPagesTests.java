package org.guichet.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import org.guichet.access.NomadicProfiles;
import org.guichet.access.NomadicState;
import org.guichet.platform.DisplayZone;
import org.guichet.testing.Agents;
import org.guichet.testing.IntegrationTest;
import org.guichet.testing.MockBrowser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The "To approve" page: Lucas Bernard delegates to Claire Dubois while away; Théo Moreau's remote-access request then
 * reaches Claire, who approves it on the page, as Lucas's delegate. Refusals are told on the page with the right
 * status.
 */
@IntegrationTest
class ApprovalPagesTests {

    private static final String OFFICE = "10.1.2.3";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Autowired
    NomadicProfiles nomadic;

    @Autowired
    Agents agents;

    /** Claire manages Lucas, who manages Théo; Jules manages nobody. */
    Agents.TestAgent claireAgent;

    Agents.TestAgent lucasAgent;
    Agents.TestAgent theo;
    Agents.TestAgent jules;

    @BeforeEach
    void aHierarchyOfItsOwn() {
        claireAgent = agents.create().named("Claire").withTotp().build();
        lucasAgent = agents.create()
                .named("Lucas")
                .withManager(claireAgent)
                .withTotp()
                .build();
        theo = agents.create().named("Théo").withManager(lucasAgent).build();
        jules = agents.create().named("Jules").build();
    }

    @Test
    void approvalWhenManagerDelegatedThenTheDelegateApprovesOnThePage() {
        var lucas = new MockBrowser(mvc, OFFICE);
        lucas.signInWithTotp(lucasAgent.login(), jdbc, clock);
        var today = DisplayZone.today(clock);

        var wrong = lucas.post(
                "/approvals/delegations",
                "delegate",
                jules.login(),
                "startsOn",
                today.toString(),
                "endsOn",
                today.plusDays(3).toString());
        assertThat(wrong).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(lucas.body(wrong)).contains("Indiquez un autre responsable");
        assertThat(lucas.post(
                        "/approvals/delegations",
                        "delegate",
                        claireAgent.login(),
                        "startsOn",
                        today.toString(),
                        "endsOn",
                        today.plusDays(3).toString()))
                .hasRedirectedUrl("/approvals");
        assertThat(lucas.body(lucas.get("/approvals"))).contains(claireAgent.fullName());

        nomadic.request(theo.id(), "Astreintes", null);
        var claire = new MockBrowser(mvc, OFFICE);
        claire.signInWithTotp(claireAgent.login(), jdbc, clock);
        var page = claire.body(claire.get("/approvals"));
        assertThat(page)
                .contains("Accès à distance – " + theo.fullName(), "un responsable qui vous a délégué ses validations");
        var id = jdbc.sql("SELECT id FROM approval WHERE requester_soi = ? AND state = 'PENDING'")
                .param(theo.soi())
                .query(String.class)
                .single();

        var noComment = claire.post("/approvals/" + id + "/reject", "comment", "");
        assertThat(noComment).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(claire.body(noComment)).contains("Dites pourquoi vous refusez");
        assertThat(claire.post("/approvals/" + id + "/approve", "comment", "Pour Lucas"))
                .hasRedirectedUrl("/approvals");

        assertThat(nomadic.state(theo.id())).isEqualTo(NomadicState.APPROVED);
        assertThat(jdbc.sql("SELECT decided_by_soi || '/' || on_behalf_of_soi FROM approval WHERE id = CAST(? AS UUID)")
                        .param(id)
                        .query(String.class)
                        .single())
                .isEqualTo(claireAgent.soi() + "/" + lucasAgent.soi());
        assertThat(nomadic.status(theo.id()).timeline())
                .anySatisfy(step -> assertThat(step.actorName()).isEqualTo(claireAgent.fullName()));
        var again = claire.post("/approvals/" + id + "/approve", "comment", "");
        assertThat(again).hasStatus(HttpStatus.CONFLICT);
        assertThat(claire.body(again)).contains("Cette demande a déjà été traitée");
    }
}
