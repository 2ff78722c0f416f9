package org.guichet.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.YearMonth;
import org.guichet.platform.DisplayZone;
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
        jdbc.sql("DELETE FROM approval WHERE kind = 'leave' AND requester_soi = '1000007'")
                .update();
        jdbc.sql("DELETE FROM leave_request WHERE soi = '1000007' AND start_date = ?")
                .param(java.sql.Date.valueOf(next))
                .update();
        var theo = new MockBrowser(mvc);
        theo.signIn("theo.moreau", "Guichet-demo-2026");
        assertThat(theo.postJson(
                        "/api/v1/leave/requests",
                        "{\"type\": \"ANNUAL\", \"start\": \"" + next + "\", \"end\": \"" + next + "\"}"))
                .hasStatus(org.springframework.http.HttpStatus.CREATED);
        assertThat(theo.body(theo.get("/")))
                .containsPattern("[1-9][0-9]* demande\\(s\\) en attente de votre responsable");

        var lucas = new MockBrowser(mvc);
        lucas.signIn("lucas.bernard", "Guichet-demo-2026");
        assertThat(lucas.body(lucas.get("/"))).contains("id=\"news-approvals\"", "attendent votre décision");
    }
}
