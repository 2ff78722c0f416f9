package org.guichet.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import org.guichet.testing.IntegrationTest;
import org.guichet.testing.MockBrowser;
import org.guichet.testing.Totp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The same decision guards every URL of a service, its pages and its API, and the way in ({@code /services/{id}}):
 * each refusal carries its reason code, its sentence, its remedy and a reference, and is published; an allowed
 * request goes through (to the service's page, or a redirect to its entry). The remedy of MFA_REQUIRED works: once
 * the second factor is confirmed, the service opens.
 */
@IntegrationTest
@RecordApplicationEvents
class ServiceEnforcementTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Autowired
    ApplicationEvents events;

    @BeforeEach
    void freshCodes() {
        jdbc.sql("UPDATE totp_credential SET last_step = NULL").update();
    }

    @Test
    void serviceUrlsWhenRoleMissingThenPageAndApiRefusedAlikeWithReasonRemedyAndReference() {
        var camille = new MockBrowser(mvc, "203.0.113.7");
        camille.signInWithTotp("camille.martin", jdbc, clock);

        var api = camille.getJson("/api/v1/hr/files");
        RemoteAccessWorkflowTests.refusedWith(api, "ROLE_REQUIRED", "/help#support");
        assertThat(api).bodyJson().extractingPath("$.service").isEqualTo("hr-back-office");
        assertThat(api).bodyJson().extractingPath("$.channel").isEqualTo("NOMADIC");
        assertThat(api).bodyJson().extractingPath("$.reference").asString().hasSize(10);

        var page = camille.get("/hr");
        assertThat(page)
                .as("the refusal page, by forward (the browser tests show it)")
                .hasStatus(HttpStatus.FORBIDDEN)
                .hasForwardedUrl("/access-denied");
        assertThat(events.stream(AccessDenied.class))
                .filteredOn(denied -> denied.agent().soi().equals("1000001"))
                .extracting(AccessDenied::service, AccessDenied::reason)
                .contains(org.assertj.core.groups.Tuple.tuple("hr-back-office", AccessDenial.ROLE_REQUIRED));
    }

    @Test
    void serviceEntryWhenChannelRefusedThenExplainedElseRedirectedToItsEntry() {
        var camille = new MockBrowser(mvc, "203.0.113.7");
        camille.signInWithTotp("camille.martin", jdbc, clock);

        var gis = camille.get("/services/gis");
        assertThat(gis).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(camille.body(gis))
                .contains("data-reason=\"CHANNEL_NOT_ALLOWED\"", "depuis internet", "le réseau de la ville ou le VPN");
        assertThat(camille.get("/services/payslips")).hasRedirectedUrl("/payslips");
        assertThat(camille.get("/payslips")).as("let through to the service").hasStatusOk();
        assertThat(camille.get("/services/no-such-service")).hasStatus(HttpStatus.NOT_FOUND);

        var fromVpn = new MockBrowser(mvc, "10.200.0.5");
        fromVpn.signInWithTotp("camille.martin", jdbc, clock);
        assertThat(fromVpn.get("/services/gis")).hasRedirectedUrl("https://sig.ville.example/");
    }

    @Test
    void serviceWhenSecondFactorNeededInTheOfficeThenConfirmingItOpensTheService() {
        var camille = new MockBrowser(mvc, "10.1.2.3");
        camille.signInWithTotp("camille.martin", jdbc, clock);

        var refused = camille.get("/services/confidential-documents");
        assertThat(refused).hasStatus(HttpStatus.FORBIDDEN);
        var next = "/sign-in/confirm?next=/services/confidential-documents";
        assertThat(camille.body(refused)).contains("data-reason=\"MFA_REQUIRED\"", "href=\"" + next + "\"");

        assertThat(camille.get(next)).hasStatusOk();
        assertThat(camille.post(
                        "/sign-in/confirm/totp?next=/services/confidential-documents",
                        "code",
                        Totp.demo(clock.instant())))
                .hasRedirectedUrl("/services/confidential-documents");
        assertThat(camille.get("/services/confidential-documents"))
                .hasRedirectedUrl("https://ged.ville.example/confidentiel/");
    }

    @Test
    void hrBackOfficeWhenHrFromTheVpnThenLetThrough() {
        var ines = new MockBrowser(mvc, "10.200.0.5");
        ines.signInWithTotp("ines.petit", jdbc, clock);

        assertThat(ines.getJson("/api/v1/hr/files"))
                .as("let through to the service")
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(ines.get("/services/hr-back-office")).hasRedirectedUrl("/hr");
        assertThat(ines.getJson("/api/v1/services/gis"))
                .bodyJson()
                .extractingPath("$.allowed")
                .isEqualTo(true);
    }
}
