package org.guichet.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.YearMonth;
import org.guichet.platform.DisplayZone;
import org.guichet.testing.Agents;
import org.guichet.testing.Demo;
import org.guichet.testing.IntegrationTest;
import org.guichet.testing.MockBrowser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** The home page's "what's new": what the agent came for, and only from services open to them where they are. */
@IntegrationTest
class HomeNewsTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Autowired
    Agents agents;

    @Test
    void homeWhenAgentThenLatestPayslipBalancesAndTodaysHours() {
        var camille = new MockBrowser(mvc);
        camille.signIn("camille.martin", "Guichet-demo-2026");
        var home = camille.body(camille.get("/"));
        assertThat(home).contains("id=\"news-payslip\"", "id=\"news-leave\"", "id=\"news-today\"");
        assertThat(home).contains("data-type=\"ANNUAL\"", "Net à payer");
        var latest = jdbc.sql("SELECT MAX(period) FROM payslip WHERE soi = '1000001'")
                .query(String.class)
                .single();
        var month = YearMonth.parse(latest.strip())
                .format(java.time.format.DateTimeFormatter.ofPattern("MMMM yyyy", java.util.Locale.FRENCH));
        assertThat(home).contains("Bulletin de paie de " + month);
        assertThat(home).doesNotContain("id=\"news-approvals\"");
    }

    @Test
    void homeWhenSomethingWaitsForTheManagerThenTheCountLinksToIt() {
        var next = java.time.LocalDate.of(DisplayZone.today(clock).getYear() + 1, 6, 1)
                .with(java.time.temporal.TemporalAdjusters.firstInMonth(java.time.DayOfWeek.TUESDAY));
        var manager = agents.create().named("Lucas").build();
        var agent = agents.create().named("Théo").withManager(manager).build();
        var theo = new MockBrowser(mvc);
        theo.signIn(agent.login(), Demo.PASSWORD);
        assertThat(theo.postJson(
                        "/api/v1/leave/requests",
                        "{\"type\": \"ANNUAL\", \"start\": \"" + next + "\", \"end\": \"" + next + "\"}"))
                .hasStatus(org.springframework.http.HttpStatus.CREATED);
        assertThat(theo.body(theo.get("/"))).containsPattern("1 demande\\(s\\) en attente de votre responsable");

        var lucas = new MockBrowser(mvc);
        lucas.signIn(manager.login(), Demo.PASSWORD);
        assertThat(lucas.body(lucas.get("/"))).contains("id=\"news-approvals\"", "attendent votre décision");
    }
}
