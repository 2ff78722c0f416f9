package org.guichet.leave;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.guichet.directory.AgentId;
import org.guichet.platform.DisplayZone;
import org.guichet.platform.GuichetException;
import org.guichet.testing.Agents;
import org.guichet.testing.Demo;
import org.guichet.testing.IntegrationTest;
import org.guichet.testing.MockBrowser;
import org.guichet.testing.Outbox;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Leave from end to end, with a team of the test's own: Camille asks, Lucas approves through the API, her balance moves from pending
 * to taken (and earns a "fractionnement" day for leave in February); the refusals; two requests at once that together
 * exceed the balance; the team calendar, the iCalendar file and sick leave entered by HR.
 */
@IntegrationTest
class LeaveTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Autowired
    LeaveManagement leave;

    @Autowired
    LeaveBalances balances;

    @Autowired
    org.springframework.context.ApplicationEventPublisher events;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    @Autowired
    Agents agents;

    int year;
    LocalDate february;

    /** Lucas manages Camille (38 hours a week: 18 RTT days) and Théo; Inès is in HR. */
    Agents.TestAgent lucas;

    Agents.TestAgent camilleAgent;
    Agents.TestAgent theoAgent;
    Agents.TestAgent ines;

    @BeforeEach
    void aTeamOfItsOwn() {
        year = DisplayZone.today(clock).getYear() + 1;
        february = LocalDate.of(year, 2, 1)
                .with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY))
                .plusWeeks(1);
        lucas = agents.create().named("Lucas").build();
        camilleAgent = agents.create().named("Camille").withManager(lucas).build();
        theoAgent = agents.create().named("Théo").withManager(lucas).build();
        ines = agents.create().named("Inès").withRoles("HR").withTotp().build();
        balances.changeProfile(camilleAgent.id(), new LeaveProfile(100, new BigDecimal("38"), Set.of(), null));
    }

    @Test
    void requestWhenApprovedByTheManagerThenBalanceMovesFromPendingToTaken() {
        var camille = new MockBrowser(mvc);
        camille.signIn(camilleAgent.login(), Demo.PASSWORD);
        var before = annual(camille);
        var outbox = new Outbox(jdbc);
        var mails = outbox.to(camilleAgent.email()).size();

        var created = camille.postJson("/api/v1/leave/requests", request("ANNUAL", february, february.plusDays(4), ""));
        assertThat(created).hasStatus(HttpStatus.CREATED);
        assertThat(created).bodyJson().extractingPath("$.days").isEqualTo(5.0);
        assertThat(created).bodyJson().extractingPath("$.state").isEqualTo("PENDING");
        var pending = annual(camille);
        assertThat(pending.pending()).isEqualByComparingTo(before.pending().add(BigDecimal.valueOf(5)));
        assertThat(pending.remaining()).isEqualByComparingTo(before.remaining().subtract(BigDecimal.valueOf(5)));

        var lucas = new MockBrowser(mvc);
        lucas.signIn(this.lucas.login(), Demo.PASSWORD);
        var waiting = lucas.getJson("/api/v1/approvals");
        String approval = JsonPath.<List<String>>read(
                        lucas.body(waiting),
                        "$[?(@.kind == 'leave' && @.requester.soi == '" + camilleAgent.soi() + "')].id")
                .getFirst();
        assertThat(lucas.postJson("/api/v1/approvals/" + approval + "/approve", "{\"comment\": \"Bon repos\"}"))
                .hasStatusOk();

        var after = annual(camille);
        assertThat(after.pending()).isEqualByComparingTo(before.pending());
        assertThat(after.taken()).isEqualByComparingTo(before.taken().add(BigDecimal.valueOf(5)));
        // five days in February: one "fractionnement" day more
        assertThat(after.acquired()).isEqualByComparingTo(before.acquired().add(BigDecimal.ONE));
        assertThat(camille.getJson("/api/v1/leave/requests"))
                .bodyJson()
                .extractingPath("$[?(@.start == '" + february + "')].state")
                .asArray()
                .containsExactly("APPROVED");
        assertThat(outbox.awaitMessage(camilleAgent.email(), mails)).contains("acceptée", "Bon repos");

        // the iCalendar file holds it
        var ics = camille.get("/leave/calendar.ics");
        assertThat(ics).hasStatusOk();
        assertThat(camille.body(ics))
                .contains(
                        "BEGIN:VEVENT",
                        "DTSTART;VALUE=DATE:" + february.toString().replace("-", ""));

        // cancelled before it starts: the days come back and Lucas is told
        var lucasMails = outbox.to(this.lucas.email()).size();
        String id = JsonPath.<List<String>>read(
                        camille.body(camille.getJson("/api/v1/leave/requests")),
                        "$[?(@.start == '" + february + "')].id")
                .getFirst();
        assertThat(camille.postJson("/api/v1/leave/requests/" + id + "/cancel", null))
                .hasStatusOk();
        var cancelled = annual(camille);
        assertThat(cancelled.taken()).isEqualByComparingTo(before.taken());
        assertThat(cancelled.acquired()).isEqualByComparingTo(before.acquired());
        assertThat(outbox.awaitMessage(this.lucas.email(), lucasMails)).contains(camilleAgent.fullName() + " a annulé");
        assertThat(camille.postJson("/api/v1/leave/requests/" + id + "/cancel", null))
                .hasStatus(HttpStatus.CONFLICT);
    }

    @Test
    void requestWhenWrongThenRefusedWithTheReasonAndNothingHeld() {
        var camille = new MockBrowser(mvc);
        camille.signIn(camilleAgent.login(), Demo.PASSWORD);
        var before = annual(camille);
        var today = DisplayZone.today(clock);

        refused(
                camille.postJson("/api/v1/leave/requests", request("ANNUAL", today.minusDays(3), today, "")),
                HttpStatus.BAD_REQUEST,
                "START_IN_PAST");
        refused(
                camille.postJson("/api/v1/leave/requests", request("ANNUAL", february, february.minusDays(1), "")),
                HttpStatus.BAD_REQUEST,
                "END_BEFORE_START");
        refused(
                camille.postJson("/api/v1/leave/requests", request("SICK", february, february, "")),
                HttpStatus.BAD_REQUEST,
                "TYPE_NOT_REQUESTABLE");
        refused(
                camille.postJson("/api/v1/leave/requests", request("EXCEPTIONAL", february, february, "")),
                HttpStatus.BAD_REQUEST,
                "COMMENT_REQUIRED");
        var saturday = february.with(TemporalAdjusters.next(DayOfWeek.SATURDAY));
        refused(
                camille.postJson("/api/v1/leave/requests", request("ANNUAL", saturday, saturday.plusDays(1), "")),
                HttpStatus.BAD_REQUEST,
                "NO_WORKING_DAY");
        refused(
                camille.postJson("/api/v1/leave/requests", request("ANNUAL", february, february.plusDays(60), "")),
                HttpStatus.CONFLICT,
                "INSUFFICIENT_BALANCE");
        assertThat(annual(camille).pending()).isEqualByComparingTo(before.pending());

        assertThat(camille.postJson("/api/v1/leave/requests", request("ANNUAL", february, february.plusDays(2), "")))
                .hasStatus(HttpStatus.CREATED);
        // the morning of the third day is taken: from its afternoon on is free, the same morning is not
        refused(
                camille.postJson(
                        "/api/v1/leave/requests", request("RTT", february.plusDays(2), february.plusDays(3), "")),
                HttpStatus.CONFLICT,
                "OVERLAPS");
        var id = JsonPath.<List<String>>read(
                        camille.body(camille.getJson("/api/v1/leave/requests")),
                        "$[?(@.start == '" + february + "')].id")
                .getFirst();

        // nobody else cancels Camille's request
        var theo = new MockBrowser(mvc);
        theo.signIn(theoAgent.login(), Demo.PASSWORD);
        refused(
                theo.postJson("/api/v1/leave/requests/" + id + "/cancel", null),
                HttpStatus.NOT_FOUND,
                "REQUEST_NOT_FOUND");

        // the page puts the message next to the field
        var page = camille.post(
                "/leave",
                "type",
                "ANNUAL",
                "start",
                february.toString(),
                "end",
                february.minusDays(1).toString());
        assertThat(page).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(camille.body(page)).contains("id=\"end-error\"", "Le dernier jour est avant le premier");
        var badDate = camille.post("/leave", "type", "ANNUAL", "start", "31/02", "end", "");
        assertThat(badDate).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(camille.body(badDate)).contains("id=\"start-error\"", "Saisissez une date valide");
    }

    @Test
    void requestsWhenConcurrentAndTogetherOverTheBalanceThenOnlyOneIsAccepted() throws Exception {
        var theo = theoAgent.id();
        var first = new LeaveCommand(LeaveType.ANNUAL, february, february.plusDays(18), false, false, null);
        var march = LocalDate.of(year, 3, 1).with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY));
        var second = new LeaveCommand(LeaveType.ANNUAL, march, march.plusDays(18), false, false, null);
        var available = balances.balances(theo, year).stream()
                .filter(balance -> balance.type() == LeaveType.ANNUAL)
                .findFirst()
                .orElseThrow()
                .remaining();
        assertThat(available).isLessThan(BigDecimal.valueOf(30));

        var start = new CountDownLatch(1);
        Callable<String> one = () -> attempt(start, theo, first);
        Callable<String> two = () -> attempt(start, theo, second);
        try (var pool = Executors.newFixedThreadPool(2)) {
            var a = pool.submit(one);
            var b = pool.submit(two);
            start.countDown();
            assertThat(List.of(a.get(), b.get())).containsExactlyInAnyOrder("ACCEPTED", "INSUFFICIENT_BALANCE");
        }
        var balance = balances.balances(theo, year).stream()
                .filter(candidate -> candidate.type() == LeaveType.ANNUAL)
                .findFirst()
                .orElseThrow();
        assertThat(balance.pending()).isEqualByComparingTo("15");
        assertThat(balance.remaining()).isEqualByComparingTo(available.subtract(BigDecimal.valueOf(15)));
    }

    @Test
    void teamCalendarWhenManagerThenShowsTheTeamAndRefusesOthers() {
        leave.request(camilleAgent.id(), new LeaveCommand(LeaveType.RTT, february, february, false, false, null));
        var lucas = new MockBrowser(mvc);
        lucas.signIn(this.lucas.login(), Demo.PASSWORD);
        var page = lucas.get("/leave/team?month=" + february.toString().substring(0, 7));
        assertThat(page).hasStatusOk();
        assertThat(lucas.body(page)).contains(camilleAgent.fullName(), theoAgent.fullName(), "data-state=\"PENDING\"");

        var camille = new MockBrowser(mvc);
        camille.signIn(camilleAgent.login(), Demo.PASSWORD);
        assertThat(camille.get("/leave/team")).hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void sickLeaveWhenEnteredByHrThenRecordedAndAgentsCannot() {
        var hr = new MockBrowser(mvc);
        hr.signInWithTotp(ines.login(), jdbc, clock);
        var body =
                "{\"start\": \"" + february + "\", \"end\": \"" + february.plusDays(2) + "\", \"comment\": \"Arrêt\"}";
        var created = hr.postJson("/api/v1/hr/leave/" + theoAgent.login() + "/absences", body);
        assertThat(created).hasStatus(HttpStatus.CREATED);
        assertThat(created).bodyJson().extractingPath("$.type").isEqualTo("SICK");
        assertThat(created).bodyJson().extractingPath("$.state").isEqualTo("APPROVED");

        // the HR page: the agent is required, then the absence is recorded
        var noAgent = hr.post(
                "/hr/leave",
                "agent",
                "",
                "type",
                "SICK",
                "start",
                february.plusDays(7).toString(),
                "end",
                february.plusDays(7).toString());
        assertThat(noAgent).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(hr.body(noAgent)).contains("id=\"agent-error\"", "Indiquez l’agent");
        assertThat(hr.post(
                        "/hr/leave",
                        "agent",
                        theoAgent.soi(),
                        "type",
                        "SICK",
                        "start",
                        february.plusDays(7).toString(),
                        "end",
                        february.plusDays(8).toString()))
                .hasRedirectedUrl("/hr/leave");

        var theo = new MockBrowser(mvc);
        theo.signIn(theoAgent.login(), Demo.PASSWORD);
        assertThat(theo.postJson("/api/v1/hr/leave/" + theoAgent.login() + "/absences", body))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(theo.post("/hr/leave", "agent", theoAgent.soi(), "type", "SICK"))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(theo.getJson("/api/v1/leave/requests"))
                .bodyJson()
                .extractingPath("$[?(@.start == '" + february + "')].type")
                .asArray()
                .containsExactly("SICK");
    }

    @Test
    void depositWhenRttRemainsThenSavedOnTheAccountWithinItsLimits() {
        var camille = new MockBrowser(mvc);
        camille.signIn(camilleAgent.login(), Demo.PASSWORD);
        var cet = cet(camille);
        var saved = camille.postJson("/api/v1/leave/cet/deposits", "{\"from\": \"RTT\", \"days\": 1.5}");
        assertThat(saved).hasStatus(HttpStatus.CREATED);
        assertThat(saved).bodyJson().extractingPath("$.type").isEqualTo("CET");
        assertThat(cet(camille)).isEqualByComparingTo(cet.add(new BigDecimal("1.5")));
        // a third of a day, or more RTT than remains, or more than the account holds: refused, nothing moves
        refused(
                camille.postJson("/api/v1/leave/cet/deposits", "{\"from\": \"RTT\", \"days\": 0.3}"),
                HttpStatus.CONFLICT,
                "DEPOSIT_INVALID");
        refused(
                camille.postJson("/api/v1/leave/cet/deposits", "{\"from\": \"RTT\", \"days\": 70}"),
                HttpStatus.CONFLICT,
                "DEPOSIT_INVALID");
        assertThat(cet(camille)).isEqualByComparingTo(cet.add(new BigDecimal("1.5")));
    }

    @Test
    void depositWhenMadeFromTheLeavePageThenSavedOrRefusedWithTheRules() {
        var camille = new MockBrowser(mvc);
        camille.signIn(camilleAgent.login(), Demo.PASSWORD);
        var cet = cet(camille);
        assertThat(camille.body(camille.get("/leave"))).contains("id=\"cet\"", "action=\"/leave/cet\"");

        assertThat(camille.post("/leave/cet", "from", "RTT", "days", "1,5")).hasRedirectedUrl("/leave#cet");
        assertThat(cet(camille)).isEqualByComparingTo(cet.add(new BigDecimal("1.5")));

        for (var wrong : new String[][] {{"RTT", "abc"}, {"RTT", "0.3"}, {"SICK", "1"}, {"RTT", "1e9"}, {"RTT", ""}}) {
            var refused = camille.post("/leave/cet", "from", wrong[0], "days", wrong[1]);
            assertThat(refused).as(String.join(" ", wrong)).hasStatus(HttpStatus.BAD_REQUEST);
            assertThat(camille.body(refused))
                    .contains("id=\"cet-error\"", "n’est pas possible", "aria-invalid=\"true\"");
        }
        assertThat(cet(camille)).isEqualByComparingTo(cet.add(new BigDecimal("1.5")));
    }

    @Test
    void pendingRequestWhenTheAgentChangesManagerThenPutToTheNewOne() {
        var camille = camilleAgent.id();
        var claire = agents.create().named("Claire").build();
        var request = leave.request(camille, new LeaveCommand(LeaveType.RTT, february, february, false, false, null));
        transactions.executeWithoutResult(status -> events.publishEvent(new org.guichet.directory.AgentTransferred(
                camille, camilleAgent.department(), camilleAgent.department(), lucas.id(), claire.id())));
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(10))
                .until(() -> jdbc.sql("SELECT approver_soi FROM approval WHERE kind = 'leave' AND subject = ? "
                                + "AND state = 'PENDING'")
                        .param(request.id().toString())
                        .query(String.class)
                        .optional()
                        .filter(claire.soi()::equals)
                        .isPresent());
        assertThat(jdbc.sql(
                                "SELECT COUNT(*) FROM approval WHERE kind = 'leave' AND subject = ? AND state = 'CANCELLED'")
                        .param(request.id().toString())
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    private BigDecimal cet(MockBrowser browser) {
        return number(browser.body(browser.getJson("/api/v1/leave/balances")), "$[?(@.type == 'CET')].acquired");
    }

    private String attempt(CountDownLatch start, AgentId agent, LeaveCommand command) throws InterruptedException {
        start.await();
        try {
            leave.request(agent, command);
            return "ACCEPTED";
        } catch (GuichetException e) {
            return e.errorCode().name();
        }
    }

    private Balance annual(MockBrowser browser) {
        var json = browser.body(browser.getJson("/api/v1/leave/balances?year=" + year));
        var path = "$[?(@.type == 'ANNUAL')].";
        return new Balance(
                LeaveType.ANNUAL,
                year,
                number(json, path + "acquired"),
                number(json, path + "taken"),
                number(json, path + "pending"));
    }

    private static BigDecimal number(String json, String path) {
        return new BigDecimal(JsonPath.<List<Object>>read(json, path).getFirst().toString());
    }

    private static String request(String type, LocalDate start, LocalDate end, String comment) {
        return "{\"type\": \"" + type + "\", \"start\": \"" + start + "\", \"end\": \"" + end
                + "\", \"startHalfDay\": false, \"endHalfDay\": false, \"comment\": \"" + comment + "\"}";
    }

    private static void refused(MvcTestResult result, HttpStatus status, String code) {
        assertThat(result).hasStatus(status);
        assertThat(result).bodyJson().extractingPath("$.errorCode").isEqualTo(code);
    }
}
