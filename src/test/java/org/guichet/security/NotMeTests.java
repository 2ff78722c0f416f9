package org.guichet.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.guichet.directory.DirectoryManagement;
import org.guichet.testing.Agents;
import org.guichet.testing.Demo;
import org.guichet.testing.IntegrationTest;
import org.guichet.testing.MockBrowser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * "My activity" and "this wasn't me": the agent sees their sign-ins; a report closes every session, requires a new
 * password at the next sign-in and opens a case that a security officer closes.
 */
@IntegrationTest
class NotMeTests {

    @Autowired
    Agents agents;

    private static final String OFFICE = "10.1.2.3";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    DirectoryManagement directory;

    @Autowired
    Clock clock;

    @Test
    void notMeWhenReportedThenEverySessionClosesANewPasswordIsDueAndACaseIsOpen() throws Exception {
        var block = agents.create().named("Zoé").build().block();
        var soi = block.soi(1);
        var here = new MockBrowser(mvc, OFFICE);
        here.signIn(soi, Demo.PASSWORD);
        var elsewhere = new MockBrowser(mvc, "10.9.8.7");
        elsewhere.signIn(soi, Demo.PASSWORD);
        assertThat(elsewhere.get("/account")).hasStatusOk();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<String> types = JsonPath.read(here.body(here.getJson("/api/v1/me/activity")), "$[*].type");
            assertThat(types).filteredOn("SignedIn"::equals).hasSizeGreaterThanOrEqualTo(2);
        });
        var page = here.body(here.get("/account/activity"));
        assertThat(page).contains("data-type=\"SignedIn\"", "10.9.8.7", "Ce n’était pas moi");

        var tooLong = here.post("/account/activity/not-me", "comment", "x".repeat(1001));
        assertThat(tooLong).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(here.body(tooLong)).contains("1 000 caractères");
        assertThat(elsewhere.get("/account")).hasStatusOk();

        var reported = here.post("/account/activity/not-me", "comment", "Connexion depuis 10.9.8.7 inconnue");
        assertThat(reported).hasRedirectedUrl("/login?reported");
        assertThat(here.get("/account")).hasStatus3xxRedirection();
        assertThat(elsewhere.get("/account")).hasStatus3xxRedirection();
        var again = new MockBrowser(mvc, OFFICE);
        again.signIn(soi, Demo.PASSWORD);
        assertThat(again.get("/account")).hasRedirectedUrl("/sign-in/password");

        var sarah = new MockBrowser(mvc, OFFICE);
        sarah.signInWithTotp("sarah.durand", jdbc, clock);
        var cases = sarah.body(sarah.get("/security/cases"));
        assertThat(cases).contains("Connexion depuis 10.9.8.7 inconnue", "data-open=\"true\"");
        var id = jdbc.sql("SELECT id FROM security_case WHERE soi = ?")
                .param(soi)
                .query(String.class)
                .single();
        assertThat(sarah.post("/security/cases/" + id + "/close", "outcome", ""))
                .hasRedirectedUrl("/security/cases");
        assertThat(jdbc.sql("SELECT closed_at IS NULL FROM security_case WHERE id = ?")
                        .param(java.util.UUID.fromString(id))
                        .query(Boolean.class)
                        .single())
                .isTrue();
        sarah.post("/security/cases/" + id + "/close", "outcome", "Mot de passe réutilisé ailleurs ; agent informé");
        assertThat(sarah.body(sarah.get("/security/cases"))).contains("Mot de passe réutilisé ailleurs");
        assertThat(sarah.post("/security/cases/not-a-case/close", "outcome", "x"))
                .hasStatus(HttpStatus.NOT_FOUND);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(new org.guichet.testing.Outbox(jdbc).to("sarah.durand@ville.example"))
                        .anySatisfy(mail -> assertThat(mail).contains("ce n’était pas moi", "Zoé")));
        var journal = sarah.body(sarah.getJson("/api/v1/audit?agent=" + soi));
        List<String> types = JsonPath.read(journal, "$[*].type");
        assertThat(types).contains("NotMeReported", "SecurityCaseClosed");
    }
}
