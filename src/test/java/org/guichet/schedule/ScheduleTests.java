package org.guichet.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import org.guichet.directory.AgentId;
import org.guichet.leave.LeaveCommand;
import org.guichet.leave.LeaveManagement;
import org.guichet.leave.LeaveType;
import org.guichet.platform.DisplayZone;
import org.guichet.testing.Agents;
import org.guichet.testing.IntegrationTest;
import org.guichet.testing.MockBrowser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * Schedules: the weekly pattern, imported shifts overriding it, public holidays and absences, by API, page and
 * iCalendar; the shift import all or nothing, by HR only.
 */
@IntegrationTest
class ScheduleTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Autowired
    LeaveManagement leave;

    @Autowired
    Agents agents;

    Agents.TestAgent nightWorker;

    @Test
    void scheduleWhenPatternThenWeekdaysHaveTheirSlotsAndHolidaysNone() {
        var camille = signedIn("camille.martin");
        var christmas = LocalDate.of(DisplayZone.today(clock).getYear(), 12, 25);
        var from = christmas.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        var json = camille.body(camille.getJson("/api/v1/schedule?from=" + from + "&to=" + from.plusDays(6)));
        assertThat(JsonPath.<List<Object>>read(json, "$.days")).hasSize(7);
        assertThat(JsonPath.<List<String>>read(json, "$.days[?(@.date == '" + christmas + "')].holiday"))
                .containsExactly("Noël");
        assertThat(JsonPath.<List<Object>>read(json, "$.days[?(@.date == '" + christmas + "')].slots[*]"))
                .isEmpty();
        var workday = from.getDayOfMonth() == 25 ? from.plusDays(1) : from;
        assertThat(JsonPath.<List<String>>read(json, "$.days[?(@.date == '" + workday + "')].slots[*].start"))
                .containsExactly("07:30:00", "13:00:00");
        assertThat(JsonPath.<List<Object>>read(json, "$.days[?(@.date == '" + from.plusDays(6) + "')].slots[*]"))
                .isEmpty();
        assertThat(camille.getJson("/api/v1/schedule?from=" + from + "&to=" + from.minusDays(1)))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errorCode")
                .isEqualTo("RANGE_INVALID");
        assertThat(camille.getJson("/api/v1/schedule?from=" + from + "&to=" + from.plusDays(90)))
                .hasStatus(HttpStatus.BAD_REQUEST);
    }

    @Test
    void scheduleWhenShiftsOrAbsenceThenShiftsShownAndAbsenceMarked() {
        var theo = signedIn("theo.moreau");
        var monday = DisplayZone.today(clock).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        var json = theo.body(theo.getJson("/api/v1/schedule?from=" + monday + "&to=" + monday.plusDays(6)));
        assertThat(JsonPath.<List<String>>read(json, "$.days[0].slots[*].source"))
                .containsOnly("SHIFT");
        assertThat(JsonPath.<List<String>>read(json, "$.days[0].slots[*].label"))
                .hasSize(1);

        // an absence HR records is marked on the day (for an agent of the test's own: Théo's leave stays the demo's)
        var sickDay = monday.plusWeeks(3).plusDays(1);
        var absent = agents.create().build();
        leave.recordAbsence(
                AgentId.of("1000003"),
                absent.id(),
                new LeaveCommand(LeaveType.SICK, sickDay, sickDay, false, false, null));
        var absentBrowser = signedIn(absent.login());
        var later = absentBrowser.body(absentBrowser.getJson("/api/v1/schedule?from=" + sickDay + "&to=" + sickDay));
        assertThat(JsonPath.<Boolean>read(later, "$.days[0].onLeave")).isTrue();

        var page = theo.get("/schedule?date=" + monday);
        assertThat(page).hasStatusOk();
        assertThat(theo.body(page)).contains("data-source=\"SHIFT\"", "Équipe");
        assertThat(theo.get("/schedule/month")).hasStatusOk();
        var ics = theo.get("/schedule/calendar.ics");
        assertThat(ics).hasStatusOk();
        assertThat(ics.getResponse().getContentType()).startsWith("text/calendar");
        assertThat(theo.body(ics)).contains("BEGIN:VEVENT", "SUMMARY:Équipe");
    }

    @Test
    void shiftImportWhenARowIsWrongThenNothingIsWrittenAndOnlyHrMayImport() {
        var day = DisplayZone.today(clock).plusWeeks(12);
        nightWorker = agents.create().build();
        var good = nightWorker.soi() + ";" + day + ";22:00;06:00;Nuit\n";
        var csv =
                "soi;date;start;end;label\n" + good + nightWorker.soi() + ";" + day.plusDays(1) + ";25:00;06:00;Nuit\n";
        var ines = new MockBrowser(mvc);
        ines.signInWithTotp("ines.petit", jdbc, clock);

        var rejected = ines.upload("/api/v1/hr/schedule/shifts", "file", "nuits.csv", bytes(csv), true);
        assertThat(rejected).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(rejected).bodyJson().extractingPath("$.rejected[0].line").isEqualTo(3);
        assertThat(rejected).bodyJson().extractingPath("$.rejected[0].problem").isEqualTo("INVALID_TIME");
        assertThat(shifts(day)).isZero();

        var imported = ines.upload(
                "/api/v1/hr/schedule/shifts", "file", "nuits.csv", bytes("soi;date;start;end;label\n" + good), true);
        assertThat(imported).hasStatus(HttpStatus.CREATED);
        assertThat(shifts(day)).isEqualTo(1);
        var camille = signedIn("camille.martin");
        assertThat(camille.upload("/api/v1/hr/schedule/shifts", "file", "nuits.csv", bytes(csv), true))
                .hasStatus(HttpStatus.FORBIDDEN);
    }

    private int shifts(LocalDate day) {
        return jdbc.sql("SELECT COUNT(*) FROM schedule_shift WHERE soi = ? AND work_day = ?")
                .params(nightWorker.soi(), java.sql.Date.valueOf(day))
                .query(Integer.class)
                .single();
    }

    private MockBrowser signedIn(String login) {
        var browser = new MockBrowser(mvc);
        browser.signIn(login, "Guichet-demo-2026");
        return browser;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
