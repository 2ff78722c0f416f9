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
}
