package org.guichet.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
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
 * HR's pages for what was API only: an agent's leave profile, weekly hours and the import of rotating shifts, each
 * refused with its reason when wrong, nothing written then; closed to agents without the HR role.
 */
@IntegrationTest
class HrSchedulePageTests {

    @Autowired
    Agents agents;

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    Clock clock;

    @Autowired
    DirectoryManagement directory;

    private MockBrowser ines() {
        var ines = MockBrowser.fromVpn(mvc);
        ines.signInWithTotp("ines.petit", jdbc, clock);
        return ines;
    }

    @Test
    void leaveProfileWhenChangedFromThePageThenSavedAndShownAgain() {
        var agent = agents.create().named("Yanis").build().block().soi(1);
        var ines = ines();
        assertThat(ines.body(ines.get("/hr"))).contains("href=\"/hr/leave/profile\"", "href=\"/hr/schedule\"");
        assertThat(ines.body(ines.get("/hr/leave/profile?agent=" + agent))).contains("id=\"profile\"", "value=\"100\"");

        assertThat(ines.post(
                        "/hr/leave/profile",
                        "agent",
                        agent,
                        "workingTime",
                        "80",
                        "weeklyHours",
                        "38,5",
                        "daysOff",
                        "WEDNESDAY",
                        "arrival",
                        ""))
                .hasRedirectedUrl("/hr/leave/profile?agent=" + agent);
        var page = ines.body(ines.get("/hr/leave/profile?agent=" + agent));
        assertThat(page).contains("value=\"80\"", "value=\"38.5\"");
        assertThat(page).containsPattern("value=\"WEDNESDAY\" id=\"off-WEDNESDAY\" checked");

        for (var wrong : new String[][] {{"deux", "35"}, {"80", "99"}, {"80.5", "35"}, {"100", "1e9"}}) {
            var refused = ines.post(
                    "/hr/leave/profile",
                    "agent",
                    agent,
                    "workingTime",
                    wrong[0],
                    "weeklyHours",
                    wrong[1],
                    "arrival",
                    "");
            assertThat(refused).as(String.join(" ", wrong)).hasStatus(HttpStatus.BAD_REQUEST);
            assertThat(ines.body(refused)).contains("id=\"error-summary\"", "ne sont pas valides");
        }
        var badDate = ines.post(
                "/hr/leave/profile",
                "agent",
                agent,
                "workingTime",
                "80",
                "weeklyHours",
                "35",
                "arrival",
                "+999999999-12-31");
        assertThat(badDate).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(ines.body(ines.get("/hr/leave/profile?agent=" + agent))).contains("value=\"80\"", "value=\"38.5\"");
        assertThat(ines.get("/hr/leave/profile?agent=nobody.here")).hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void weeklyHoursWhenChangedFromThePageThenSavedOrRefusedWithNothingWritten() {
        var agent = agents.create().named("Yanis").build().block().soi(1);
        var ines = ines();

        assertThat(ines.post(
                        "/hr/schedule/pattern",
                        "agent",
                        agent,
                        "MONDAY-0-start",
                        "07:30",
                        "MONDAY-0-end",
                        "12:00",
                        "MONDAY-1-start",
                        "13:00",
                        "MONDAY-1-end",
                        "16:06"))
                .hasRedirectedUrl("/hr/schedule?agent=" + agent);
        var page = ines.body(ines.get("/hr/schedule?agent=" + agent));
        assertThat(page).contains("value=\"07:30\"", "value=\"16:06\"");

        var overlapping = ines.post(
                "/hr/schedule/pattern",
                "agent",
                agent,
                "TUESDAY-0-start",
                "08:00",
                "TUESDAY-0-end",
                "12:00",
                "TUESDAY-1-start",
                "11:00",
                "TUESDAY-1-end",
                "15:00");
        assertThat(overlapping).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(ines.body(overlapping)).contains("id=\"error-summary\"", "sans chevaucher");
        var unreadable =
                ines.post("/hr/schedule/pattern", "agent", agent, "FRIDAY-0-start", "8h", "FRIDAY-0-end", "12:00");
        assertThat(unreadable).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(ines.body(ines.get("/hr/schedule?agent=" + agent)))
                .contains("value=\"07:30\"")
                .doesNotContain("value=\"11:00\"");
    }

    @Test
    void shiftsWhenImportedFromThePageThenAllOrNothingWithEachWrongLine() {
        var agent = agents.create().named("Yanis").build().block().soi(1);
        var ines = ines();
        var good = ("soi;date;start;end;label\n" + agent + ";2026-12-21;22:00;06:00;Nuit\n")
                .getBytes(StandardCharsets.UTF_8);

        var imported = ines.upload("/hr/schedule/shifts", "file", "roulement.csv", good, false);
        assertThat(imported).hasStatusOk();
        assertThat(ines.body(imported)).contains("id=\"report\"", "data-imported=\"1\"");

        var wrong = ("soi;date;start;end;label\n" + agent
                        + ";2026-12-22;22:00;06:00;Nuit\n42;2026-12-23;08:00;12:00;Jour\n")
                .getBytes(StandardCharsets.UTF_8);
        var refused = ines.upload("/hr/schedule/shifts", "file", "roulement.csv", wrong, false);
        assertThat(refused).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(ines.body(refused)).contains("data-imported=\"0\"", "Ligne 3", "n’est pas un matricule");

        var empty = ines.upload("/hr/schedule/shifts", "file", "vide.csv", new byte[0], false);
        assertThat(empty).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(ines.body(empty)).contains("id=\"import-error\"");
    }

    @Test
    void hrPagesWhenAnAgentWithoutTheRoleThenRefused() {
        var camille = new MockBrowser(mvc);
        camille.signIn(Demo.CAMILLE, Demo.PASSWORD);

        assertThat(camille.get("/hr/schedule").getResponse().getStatus()).isEqualTo(403);
        assertThat(camille.get("/hr/leave/profile").getResponse().getStatus()).isEqualTo(403);
        assertThat(camille.post(
                                "/hr/schedule/pattern",
                                "agent",
                                Demo.CAMILLE_SOI,
                                "MONDAY-0-start",
                                "01:00",
                                "MONDAY-0-end",
                                "02:00")
                        .getResponse()
                        .getStatus())
                .isEqualTo(403);
    }
}
