package org.guichet.leave;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import org.guichet.approval.ApprovalDecided;
import org.guichet.approval.ApprovalManagement;
import org.guichet.directory.DirectoryManagement;
import org.guichet.platform.DisplayZone;
import org.guichet.testing.SmallTeam;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;

/**
 * The leave module with only what it depends on (the directory and approvals), without the demo: a manager's decision
 * in the approval module moves the request, as an event the leave module listens to.
 */
@ApplicationModuleTest(ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
@ActiveProfiles("test")
class LeaveModuleTests {

    @Autowired
    LeaveManagement leave;

    @Autowired
    LeaveBalances balances;

    @Autowired
    ApprovalManagement approvals;

    @Autowired
    DirectoryManagement directory;

    @Autowired
    Clock clock;

    @Test
    void requestWhenTheManagerApprovesThenApprovedByTheEventAndItsDaysTaken(Scenario scenario) {
        var team = SmallTeam.create(directory);
        var manager = team.manager();
        var agent = team.agent();
        var year = DisplayZone.today(clock).getYear() + 1;
        var day = LocalDate.of(year, 3, 1).with(TemporalAdjusters.firstInMonth(DayOfWeek.TUESDAY));
        var request = leave.request(agent, new LeaveCommand(LeaveType.ANNUAL, day, day, false, false, null));
        var waiting = approvals.waitingFor(manager).getFirst();

        scenario.stimulate(() -> approvals.approve(waiting.id(), manager, "Bon repos"))
                .andWaitForEventOfType(ApprovalDecided.class)
                .matching(decided -> decided.subject().equals(request.id().toString()))
                .toArriveAndVerify(decided -> {
                    assertThat(decided.approved()).isTrue();
                    assertThat(leave.requests(agent))
                            .singleElement()
                            .satisfies(approved -> assertThat(approved.state()).isEqualTo(LeaveState.APPROVED));
                    assertThat(balances.balances(agent, year).stream()
                                    .filter(balance -> balance.type() == LeaveType.ANNUAL)
                                    .findFirst()
                                    .orElseThrow()
                                    .taken())
                            .isEqualByComparingTo("1");
                });
    }
}
