package org.guichet.helpline;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.guichet.audit.Journal;
import org.guichet.audit.NewEntry;
import org.guichet.platform.DisplayZone;
import org.guichet.testing.Agents;
import org.guichet.testing.HttpAgent;
import org.guichet.testing.MutableClock;
import org.guichet.testing.TestClockConfiguration;
import org.guichet.testing.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Where agents get stuck: for a seeded week, the dashboard's counts (page and CSV, per day and per week, by reason and
 * by channel) are the journal's own, the days cut in the administration's zone; the security officer only sees it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
@Import({TestClockConfiguration.class, Agents.class})
class StuckReportTests {

    private static final LocalDate MONDAY = LocalDate.of(2021, 3, 1);

    @LocalServerPort
    int port;

    @Autowired
    Agents agents;

    @Autowired
    Journal journal;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    private void seed(String at, String type, String actor, String subject, String channel, Map<String, ?> details) {
        journal.record(new NewEntry(Instant.parse(at), type, actor, subject, "203.0.113.9", channel, details, false));
    }

    /** The journal's own count of a category's entries between two days included (Paris days). */
    private long journalCount(StuckReport.Category category, LocalDate from, LocalDate to, String like) {
        var total = 0L;
        for (var type : category.types()) {
            total += jdbc.sql("""
                            SELECT COUNT(*) FROM journal_entry WHERE type = ? AND at >= ? AND at < ? AND details LIKE ?
                            AND (type <> 'AccountUnlocked' OR actor IS NULL OR actor = subject)""")
                    .params(
                            type,
                            Timestamp.from(from.atStartOfDay(DisplayZone.ZONE).toInstant()),
                            Timestamp.from(to.plusDays(1)
                                    .atStartOfDay(DisplayZone.ZONE)
                                    .toInstant()),
                            like)
                    .query(Long.class)
                    .single();
        }
        return total;
    }

    private static Map<String, Long> csvSums(String csv, int column) {
        var sums = new HashMap<String, Long>();
        csv.lines().skip(1).forEach(line -> {
            var cells = line.replace("\uFEFF", "").split(";");
            sums.merge(cells[column], Long.parseLong(cells[4]), Long::sum);
        });
        return sums;
    }

    @Test
    void dashboardWhenASeededWeekThenItsCountsAreTheJournals() {
        var agent = agents.create().build().soi();
        var helpdesk = "1000004";
        // 00:30 in Paris on Monday is still Sunday in UTC: inside the week; 00:30 the next Monday is outside
        seed(
                "2021-02-28T23:30:00Z",
                "AccessDenied",
                agent,
                agent,
                "NOMADIC",
                Map.of("service", "gis", "channel", "NOMADIC", "reason", "CHANNEL_NOT_ALLOWED", "reference", "A1"));
        seed(
                "2021-03-02T09:00:00Z",
                "AccessDenied",
                agent,
                agent,
                "NOMADIC",
                Map.of("service", "gis", "channel", "NOMADIC", "reason", "CHANNEL_NOT_ALLOWED", "reference", "A2"));
        seed(
                "2021-03-02T10:00:00Z",
                "AccessDenied",
                agent,
                agent,
                "VPN",
                Map.of("service", "payslips", "channel", "VPN", "reason", "ASSURANCE_TOO_LOW", "reference", "A3"));
        seed(
                "2021-03-07T23:30:00Z",
                "AccessDenied",
                agent,
                agent,
                "NOMADIC",
                Map.of("service", "gis", "channel", "NOMADIC", "reason", "CHANNEL_NOT_ALLOWED", "reference", "A4"));
        seed("2021-03-03T08:00:00Z", "AccountLocked", null, agent, "INTERNAL", Map.of("failures", 5));
        seed("2021-03-03T08:05:00Z", "SecondFactorFailed", null, agent, "NOMADIC", Map.of("type", "TOTP"));
        seed("2021-03-03T08:06:00Z", "SecondFactorFailed", null, agent, "NOMADIC", Map.of("type", "SMS"));
        seed(
                "2021-03-03T08:10:00Z",
                "ConversationOpened",
                null,
                agent,
                null,
                Map.of("conversation", "c1", "reason", "CHANNEL_NOT_ALLOWED", "channel", "NOMADIC"));
        seed("2021-03-04T08:00:00Z", "PasswordResetCompleted", null, agent, "NOMADIC", Map.of());
        seed("2021-03-04T08:00:01Z", "AccountUnlocked", agent, agent, null, Map.of());
        seed("2021-03-05T08:00:00Z", "AccountUnlocked", helpdesk, agent, null, Map.of("reason", "appel"));
        seed("2021-03-05T08:00:00Z", "HelpdeskUnlock", helpdesk, agent, "INTERNAL", Map.of("reason", "appel"));
        seed("2021-03-06T08:00:00Z", "HelpdeskEnrolmentCode", helpdesk, agent, "INTERNAL", Map.of());

        var sarah = new HttpAgent(port, TestData.officeAddress());
        sarah.signInWithSecondFactor("sarah.durand", jdbc, clock);
        var sunday = MONDAY.plusDays(6);
        var csv = sarah.get("/security/stuck.csv?from=" + MONDAY + "&to=" + sunday + "&by=DAY", "text/csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        var byCategory = csvSums(csv.body(), 1);
        var page = sarah.get("/security/stuck?from=" + MONDAY + "&to=" + sunday + "&by=DAY", "text/html")
                .body();
        for (var category : StuckReport.Category.values()) {
            var expected = journalCount(category, MONDAY, sunday, "%");
            assertThat(byCategory.getOrDefault(category.name(), 0L))
                    .as(category.name())
                    .isEqualTo(expected);
            assertThat(page).as(category.name()).contains("data-category=\"" + category + "\">" + expected + "<");
        }
        // what was seeded is in it (so the comparison above compared something), and the next Monday is not
        assertThat(byCategory.get("REFUSALS")).isGreaterThanOrEqualTo(3);
        assertThat(byCategory.get("SELF_SERVICE")).isGreaterThanOrEqualTo(2);
        assertThat(byCategory.get("HELPDESK")).isGreaterThanOrEqualTo(2);

        // per day: Monday holds the refusal of 00:30 in Paris
        var mondayRefusals = csv.body()
                .lines()
                .filter(line -> line.replace("\uFEFF", "").startsWith(MONDAY + ";REFUSALS;"))
                .mapToLong(line -> Long.parseLong(line.split(";")[4]))
                .sum();
        assertThat(mondayRefusals).isEqualTo(journalCount(StuckReport.Category.REFUSALS, MONDAY, MONDAY, "%"));
        assertThat(mondayRefusals).isGreaterThanOrEqualTo(1);

        // by reason and by channel
        var reasons = new HashMap<String, Long>();
        var channels = new HashMap<String, Long>();
        csv.body()
                .lines()
                .skip(1)
                .map(line -> line.split(";"))
                .filter(cells -> cells[1].equals("REFUSALS"))
                .forEach(cells -> {
                    reasons.merge(cells[2], Long.parseLong(cells[4]), Long::sum);
                    channels.merge(cells[3], Long.parseLong(cells[4]), Long::sum);
                });
        assertThat(reasons.get("CHANNEL_NOT_ALLOWED"))
                .isEqualTo(journalCount(
                        StuckReport.Category.REFUSALS, MONDAY, sunday, "%\"reason\":\"CHANNEL_NOT_ALLOWED\"%"));
        assertThat(channels.get("VPN"))
                .isEqualTo(journalCount(StuckReport.Category.REFUSALS, MONDAY, sunday, "%\"channel\":\"VPN\"%"));

        // per week: one bucket, the same totals
        var weekly = sarah.get("/security/stuck.csv?from=" + MONDAY + "&to=" + sunday + "&by=WEEK", "text/csv")
                .body();
        assertThat(csvSums(weekly, 0)).containsOnlyKeys(MONDAY.toString());
        assertThat(csvSums(weekly, 1)).isEqualTo(byCategory);
        assertThat(page).contains("id=\"self-service-share\"", "<svg class=\"chart\" role=\"img\"", "<table");
    }

    @Test
    void dashboardWhenNotASecurityOfficerOrABadPeriodThenRefusedWithAReason() {
        var hugo = new HttpAgent(port, TestData.officeAddress());
        hugo.signInWithSecondFactor("hugo.robert", jdbc, clock);
        assertThat(hugo.get("/security/stuck", "text/html").statusCode()).isEqualTo(403);
        assertThat(hugo.get("/security/stuck.csv", "text/csv").statusCode()).isEqualTo(403);

        var sarah = new HttpAgent(port, TestData.officeAddress());
        sarah.signInWithSecondFactor("sarah.durand", jdbc, clock);
        for (var query :
                List.of("from=2026-12-06&to=2026-12-01", "from=2020-01-01&to=2026-01-01", "from=hier", "by=YEAR")) {
            var refused = sarah.get("/security/stuck?" + query, "text/html");
            assertThat(refused.statusCode()).as(query).isEqualTo(400);
            assertThat(refused.body()).as(query).contains("Choisissez une période d’un an au plus");
        }
        assertThat(sarah.get("/security/stuck.csv?from=hier", "text/csv").statusCode())
                .isEqualTo(400);
        assertThat(sarah.get("/security/stuck", "text/html").statusCode()).isEqualTo(200);
    }
}
