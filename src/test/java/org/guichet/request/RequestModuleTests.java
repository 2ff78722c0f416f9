package org.guichet.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.guichet.approval.ApprovalManagement;
import org.guichet.directory.DirectoryManagement;
import org.guichet.testing.SmallTeam;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;

/**
 * The request module with only what it depends on (directory, approvals, payslips), without the demo: the manager's
 * approval in the approval module moves a training request on to HR, which the module announces.
 */
@ApplicationModuleTest(ApplicationModuleTest.BootstrapMode.DIRECT_DEPENDENCIES)
@ActiveProfiles("test")
class RequestModuleTests {

    @Autowired
    RequestManagement requests;

    @Autowired
    ApprovalManagement approvals;

    @Autowired
    DirectoryManagement directory;

    @Test
    void trainingRequestWhenTheManagerApprovesThenItWaitsForHr(Scenario scenario) {
        var team = SmallTeam.create(directory);
        var manager = team.manager();
        var agent = team.agent();
        var request = requests.submit(
                agent,
                "TRAINING",
                Map.of("title", "Sécurité des chantiers", "organisation", "CNFPT", "start", "2027-03-08", "days", "2"));
        assertThat(request.step()).isEqualTo(1);
        var waiting = approvals.waitingFor(manager).getFirst();

        scenario.stimulate(() -> approvals.approve(waiting.id(), manager, "Utile"))
                .andWaitForEventOfType(RequestAwaitingHr.class)
                .matching(awaiting -> awaiting.id().equals(request.id()))
                .toArriveAndVerify(awaiting -> {
                    var now = requests.request(agent, request.id());
                    assertThat(now.state()).isEqualTo(RequestState.IN_REVIEW);
                    assertThat(now.step()).isEqualTo(2);
                });
    }
}
