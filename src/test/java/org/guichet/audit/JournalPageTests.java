package org.guichet.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import org.guichet.testing.IntegrationTest;
import org.guichet.testing.MockBrowser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** The security officer's journal page: checking the chain from the page says what it found. */
@IntegrationTest
class JournalPageTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Test
    void verifyWhenAskedFromThePageThenTheResultIsShownAfterTheRedirect() {
        var sarah = MockBrowser.fromVpn(mvc);
        sarah.signInWithTotp("sarah.durand", jdbc, clock);

        // the result travels in the session, which is kept in the database: it must be serializable
        assertThat(sarah.post("/security/journal/verify")).hasRedirectedUrl("/security/journal");
        var page = sarah.body(sarah.get("/security/journal"));

        assertThat(page).contains("id=\"verification\"", "data-valid=");
    }

    @Test
    void verifyWhenAMonthIsGivenThenThatMonthIsVerifiedAndANonMonthIsRefusedInWords() {
        var sarah = MockBrowser.fromVpn(mvc);
        sarah.signInWithTotp("sarah.durand", jdbc, clock);
        var month = java.time.YearMonth.from(clock.instant().atZone(org.guichet.platform.DisplayZone.ZONE));

        assertThat(sarah.post("/security/journal/verify", "month", month.toString()))
                .hasRedirectedUrl("/security/journal");
        var page = sarah.body(sarah.get("/security/journal"));
        var name = month.format(java.time.format.DateTimeFormatter.ofPattern("MMMM yyyy", java.util.Locale.FRENCH));
        assertThat(page)
                .contains("id=\"verification\"", "data-valid=\"true\"", "Le journal de " + name + " est intact");

        assertThat(sarah.post("/security/journal/verify", "month", "novembre")).hasRedirectedUrl("/security/journal");
        assertThat(sarah.body(sarah.get("/security/journal")))
                .contains("id=\"verification-refusal\"", "n’est pas un mois valide")
                .doesNotContain("id=\"verification\"");

        var api = sarah.getJson("/api/v1/audit/verify?month=" + month);
        assertThat(api).hasStatusOk();
        assertThat(api).bodyJson().extractingPath("$.month").isEqualTo(month.toString());
        assertThat(api).bodyJson().extractingPath("$.valid").isEqualTo(true);
        var refused = sarah.getJson("/api/v1/audit/verify?month=2026-13");
        assertThat(refused).hasStatus(400);
        assertThat(refused).bodyJson().extractingPath("$.errorCode").isEqualTo("MONTH_INVALID");
    }

    @Test
    void entriesWhenShownThenEventsInWordsAndAgentsByName() {
        var camille = new MockBrowser(mvc);
        camille.signIn(org.guichet.testing.Demo.CAMILLE, org.guichet.testing.Demo.PASSWORD);
        var sarah = MockBrowser.fromVpn(mvc);
        sarah.signInWithTotp("sarah.durand", jdbc, clock);

        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(10))
                .untilAsserted(
                        () -> assertThat(sarah.body(sarah.get("/security/journal?agent=1000001&type=SignedIn&lang=fr")))
                                .contains("data-type=\"SignedIn\""));
        var french = sarah.body(sarah.get("/security/journal?agent=1000001&type=SignedIn&lang=fr"));
        assertThat(french).contains(">Connexion</span>", ">Camille Martin</span>", ">1000001</span>");
        var english = sarah.body(sarah.get("/security/journal?agent=1000001&type=SignedIn&lang=en"));
        assertThat(english).contains(">Signed in</span>", ">Camille Martin</span>");
    }
}
