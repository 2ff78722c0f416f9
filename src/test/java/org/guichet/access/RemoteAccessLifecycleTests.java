package org.guichet.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.guichet.approval.ApprovalManagement;
import org.guichet.directory.AgentId;
import org.guichet.directory.DirectoryManagement;
import org.guichet.platform.DisplayZone;
import org.guichet.testing.IntegrationTest;
import org.guichet.testing.MutableClock;
import org.guichet.testing.OwnDatabase;
import org.guichet.testing.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What moves a profile besides the agent and IT support: a department or manager change withdraws it (and a request
 * still waiting), a suspension too; time expires it, and asks the manager to confirm it before its longest term.
 */
@IntegrationTest
@OwnDatabase
class RemoteAccessLifecycleTests {

    @Autowired
    DirectoryManagement directory;

    @Autowired
    NomadicProfiles nomadic;

    @Autowired
    NomadicLifecycle lifecycle;

    @Autowired
    ApprovalManagement approvals;

    @Autowired
    Clock clock;

    @AfterEach
    void backToNow() {
        ((MutableClock) clock).reset();
    }

    /** A department with a manager and an agent reporting to them; SOIs 1 (manager), 2 (agent), 3 (support). */
    private TestData.Block team() {
        var block = TestData.block();
        var department = block.department("A");
        directory.importDepartments(
                csv("code;name\n%s;Essai A\n%s;Essai B\n".formatted(department, block.department("B"))));
        directory.importAgents(csv("""
                soi;first_name;last_name;department;manager_soi
                %s;Marie;%s;%s;
                %s;Paul;%s;%s;%s
                %s;Sam;%s;%s;
                """.formatted(
                        block.soi(1),
                        block.name(),
                        department,
                        block.soi(2),
                        block.name(),
                        department,
                        block.soi(1),
                        block.soi(3),
                        block.name(),
                        department)));
        return block;
    }

    private AgentId active(TestData.Block block) {
        var agent = AgentId.of(block.soi(2));
        nomadic.request(agent, "Astreintes", null);
        var item = approvals.waitingFor(AgentId.of(block.soi(1))).getFirst();
        approvals.approve(item.id(), AgentId.of(block.soi(1)), null);
        nomadic.activate(agent, AgentId.of(block.soi(3)));
        assertThat(nomadic.state(agent)).isEqualTo(NomadicState.ACTIVE);
        return agent;
    }

    @Test
    void profileWhenAgentChangesDepartmentThenDeactivated() {
        var block = team();
        var agent = active(block);

        directory.importAgents(csv("soi;first_name;last_name;department;manager_soi\n%s;Paul;%s;%s;%s\n"
                .formatted(block.soi(2), block.name(), block.department("B"), block.soi(1))));

        await().atMost(Duration.ofSeconds(10)).until(() -> nomadic.state(agent) == NomadicState.DEACTIVATED);
        assertThat(nomadic.status(agent).timeline())
                .extracting(NomadicStatus.Step::step)
                .containsExactly("REQUESTED", "APPROVED", "ACTIVATED", "DEACTIVATED");
    }

    @Test
    void requestWhenAgentChangesManagerBeforeDecisionThenWithdrawnAndNoLongerWaiting() {
        var block = team();
        var agent = AgentId.of(block.soi(2));
        nomadic.request(agent, "Télétravail", null);
        assertThat(approvals.waitingFor(AgentId.of(block.soi(1)))).hasSize(1);

        directory.importAgents(csv("soi;first_name;last_name;department;manager_soi\n%s;Paul;%s;%s;%s\n"
                .formatted(block.soi(2), block.name(), block.department("A"), block.soi(3))));

        await().atMost(Duration.ofSeconds(10)).until(() -> nomadic.state(agent) == NomadicState.DEACTIVATED);
        assertThat(approvals.waitingFor(AgentId.of(block.soi(1)))).isEmpty();
    }

    @Test
    void profileWhenAgentSuspendedThenDeactivated() {
        var block = team();
        var agent = active(block);

        directory.importAgents(
                csv("soi;first_name;last_name;department;manager_soi;status\n%s;Paul;%s;%s;%s;SUSPENDED\n"
                        .formatted(block.soi(2), block.name(), block.department("A"), block.soi(1))));

        await().atMost(Duration.ofSeconds(10)).until(() -> nomadic.state(agent) == NomadicState.DEACTIVATED);
    }

    @Test
    void profileWhenItsLastDayPassesThenExpiredAndAskedAgainOnlyByANewRequest() {
        var block = team();
        var agent = AgentId.of(block.soi(2));
        var lastDay = DisplayZone.today(clock).plusDays(10);
        nomadic.request(agent, "Mission", lastDay);
        approvals.approve(
                approvals.waitingFor(AgentId.of(block.soi(1))).getFirst().id(), AgentId.of(block.soi(1)), null);
        nomadic.activate(agent, AgentId.of(block.soi(3)));
        assertThat(nomadic.status(agent).validUntil()).isEqualTo(lastDay);

        ((MutableClock) clock).advance(Duration.ofDays(12));
        assertThat(nomadic.state(agent))
                .as("past its last day, even before the job")
                .isEqualTo(NomadicState.EXPIRED);
        lifecycle.expireAndRecertify();

        assertThat(nomadic.status(agent).timeline())
                .extracting(NomadicStatus.Step::step)
                .endsWith("EXPIRED");
        assertThat(approvals.waitingFor(AgentId.of(block.soi(1))))
                .as("no confirmation for a chosen last day")
                .isEmpty();
    }

    @Test
    void profileWhenReachingTwelveMonthsThenManagerConfirmsAndItIsRenewed() {
        var block = team();
        var agent = active(block);
        var firstTerm = nomadic.status(agent).validUntil();
        assertThat(firstTerm).isEqualTo(DisplayZone.today(clock).plusMonths(12));

        ((MutableClock) clock).advance(Duration.ofDays(340));
        lifecycle.expireAndRecertify();
        lifecycle.expireAndRecertify();

        var waiting = approvals.waitingFor(AgentId.of(block.soi(1)));
        assertThat(waiting)
                .singleElement()
                .satisfies(item -> assertThat(item.kind()).isEqualTo(NomadicProfiles.RECERTIFICATION.name()));
        approvals.approve(waiting.getFirst().id(), AgentId.of(block.soi(1)), "Toujours d’astreinte");

        assertThat(nomadic.status(agent).validUntil()).isEqualTo(firstTerm.plusMonths(12));
        assertThat(nomadic.status(agent).timeline())
                .extracting(NomadicStatus.Step::step)
                .endsWith("CONFIRMATION_ASKED", "RENEWED");
    }

    private static ByteArrayInputStream csv(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
