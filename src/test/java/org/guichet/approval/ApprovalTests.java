package org.guichet.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.guichet.directory.AgentId;
import org.guichet.directory.DirectoryManagement;
import org.guichet.platform.DisplayZone;
import org.guichet.platform.GuichetException;
import org.guichet.testing.IntegrationTest;
import org.guichet.testing.MutableClock;
import org.guichet.testing.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;

/**
 * The approval step: an item waits for the requester's manager; a delegate decides for them within the dates of the
 * delegation, never outside them nor on their own request; exactly one decision counts when two come at once; items
 * left waiting are reminded, then go up to the approver's manager.
 */
@IntegrationTest
@Import(ApprovalTests.Decisions.class)
class ApprovalTests {

    @Autowired
    ApprovalManagement approvals;

    @Autowired
    DirectoryManagement directory;

    @Autowired
    Clock clock;

    @Autowired
    Decisions decisions;

    @TestConfiguration
    static class Decisions {
        final List<Object> events = new java.util.concurrent.CopyOnWriteArrayList<>();

        @EventListener
        void on(ApprovalDecided event) {
            events.add(event);
        }

        @EventListener
        void on(ApprovalEscalated event) {
            events.add(event);
        }

        @EventListener
        void on(ApprovalOverdue event) {
            events.add(event);
        }

        /** The kind these tests submit: its decisions move nothing. */
        @Bean
        ApprovalHandler testKind() {
            return ApprovalHandler.of(new ApprovalKind("test"), decision -> {});
        }
    }

    @AfterEach
    void backToNow() {
        ((MutableClock) clock).reset();
    }

    /** SOI 1: director; 2 and 3: managers reporting to 1; 4 reports to 2; 5 reports to 3. */
    private TestData.Block organisation() {
        var block = TestData.block();
        var department = block.department("");
        directory.importDepartments(csv("code;name\n%s;Essai\n".formatted(department)));
        var rows = new StringBuilder("soi;first_name;last_name;department;manager_soi\n");
        String[][] people = {
            {"1", "Anne", ""}, {"2", "Bruno", "1"}, {"3", "Chloé", "1"}, {"4", "Denis", "2"}, {"5", "Emma", "3"}
        };
        for (var person : people) {
            rows.append("%s;%s;%s;%s;%s\n"
                    .formatted(
                            block.soi(Integer.parseInt(person[0])),
                            person[1],
                            block.name(),
                            department,
                            person[2].isEmpty() ? "" : block.soi(Integer.parseInt(person[2]))));
        }
        directory.importAgents(csv(rows.toString()));
        return block;
    }

    private static AgentId id(TestData.Block block, int offset) {
        return AgentId.of(block.soi(offset));
    }

    private ApprovalId submit(TestData.Block block, int requester, int approver) {
        return approvals.submit(
                new ApprovalSubject(
                        new ApprovalKind("test"), block.soi(requester), id(block, requester), "Motif", null, null),
                id(block, approver));
    }

    @Test
    void approvalWhenDelegatedThenTheDelegateDecidesWithinTheDatesOnly() {
        var block = organisation();
        var item = submit(block, 4, 2);
        var today = DisplayZone.today(clock);
        approvals.delegate(id(block, 2), id(block, 3), today, today.plusDays(6));

        assertThat(approvals.waitingFor(id(block, 3)))
                .extracting(ApprovalItem::id)
                .containsExactly(item);
        assertThat(approvals.waitingFor(id(block, 2)))
                .as("the delegator keeps the hand")
                .extracting(ApprovalItem::id)
                .containsExactly(item);
        ((MutableClock) clock).advance(Duration.ofDays(8));
        assertThat(approvals.waitingFor(id(block, 3)))
                .as("after the delegation")
                .isEmpty();
        assertThatThrownBy(() -> approvals.approve(item, id(block, 3), null))
                .isInstanceOfSatisfying(
                        GuichetException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ApprovalError.APPROVAL_NOT_FOUND));
        ((MutableClock) clock).reset();

        var decided = approvals.approve(item, id(block, 3), "Pour Bruno");

        assertThat(decided.state()).isEqualTo(ApprovalState.APPROVED);
        assertThat(decided.decidedBy()).isEqualTo(id(block, 3));
        assertThat(decisions.events)
                .filteredOn(ApprovalDecided.class::isInstance)
                .map(ApprovalDecided.class::cast)
                .filteredOn(event -> event.id().equals(item))
                .singleElement()
                .satisfies(event -> assertThat(event.onBehalfOf()).isEqualTo(id(block, 2)));
    }

    @Test
    void approvalWhenDelegateIsTheRequesterThenNeverTheirOwn() {
        var block = organisation();
        var today = DisplayZone.today(clock);
        // Chloé (3) delegates to Bruno (2); Bruno's own request waits for Anne (1), who delegates to Bruno too
        approvals.delegate(id(block, 1), id(block, 2), today, today);
        var own = submit(block, 2, 1);

        assertThat(approvals.waitingFor(id(block, 2)))
                .extracting(ApprovalItem::id)
                .doesNotContain(own);
        assertThatThrownBy(() -> approvals.approve(own, id(block, 2), null)).isInstanceOf(GuichetException.class);
    }

    @Test
    void delegationWhenNotAManagerOrBadDatesThenRefused() {
        var block = organisation();
        var today = DisplayZone.today(clock);
        assertThatThrownBy(() -> approvals.delegate(id(block, 4), id(block, 2), today, today))
                .isInstanceOfSatisfying(
                        GuichetException.class, e -> assertThat(e.errorCode()).isEqualTo(ApprovalError.NOT_A_MANAGER));
        assertThatThrownBy(() -> approvals.delegate(id(block, 2), id(block, 4), today, today))
                .isInstanceOfSatisfying(
                        GuichetException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ApprovalError.DELEGATE_INVALID));
        assertThatThrownBy(() -> approvals.delegate(id(block, 2), id(block, 3), today, today.minusDays(1)))
                .isInstanceOfSatisfying(
                        GuichetException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ApprovalError.DELEGATION_DATES_INVALID));
    }

    @Test
    void approvalWhenApproverAndDelegateDecideAtOnceThenExactlyOneDecisionCounts() throws Exception {
        var block = organisation();
        var today = DisplayZone.today(clock);
        approvals.delegate(id(block, 2), id(block, 3), today, today);
        var item = submit(block, 4, 2);

        var tasks = new ArrayList<Callable<Boolean>>();
        for (int i = 0; i < 8; i++) {
            var person = i % 2 == 0 ? id(block, 2) : id(block, 3);
            var approve = i % 4 < 2;
            tasks.add(() -> {
                try {
                    if (approve) {
                        approvals.approve(item, person, null);
                    } else {
                        approvals.reject(item, person, "Non");
                    }
                    return true;
                } catch (GuichetException e) {
                    assertThat(e.errorCode()).isEqualTo(ApprovalError.ALREADY_DECIDED);
                    return false;
                }
            });
        }
        try (var pool = Executors.newFixedThreadPool(8)) {
            var accepted = pool.invokeAll(tasks).stream()
                    .filter(future -> {
                        try {
                            return future.get();
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    })
                    .count();
            assertThat(accepted).isEqualTo(1);
        }
        assertThat(decisions.events)
                .filteredOn(ApprovalDecided.class::isInstance)
                .filteredOn(event -> ((ApprovalDecided) event).id().equals(item))
                .hasSize(1);
    }

    @Test
    void approvalWhenLeftWaitingThenRemindedThenEscalatedToTheManagersManager() {
        var block = organisation();
        var item = submit(block, 4, 2);

        ((MutableClock) clock).advance(Duration.ofDays(4));
        approvals.remindAndEscalate();
        approvals.remindAndEscalate();
        assertThat(decisions.events)
                .filteredOn(ApprovalOverdue.class::isInstance)
                .filteredOn(event -> ((ApprovalOverdue) event).id().equals(item))
                .as("reminded once")
                .hasSize(1);
        assertThat(approvals.waitingFor(id(block, 2)))
                .extracting(ApprovalItem::id)
                .containsExactly(item);

        ((MutableClock) clock).advance(Duration.ofDays(4));
        approvals.remindAndEscalate();

        assertThat(approvals.waitingFor(id(block, 2))).isEmpty();
        assertThat(approvals.waitingFor(id(block, 1))).singleElement().satisfies(waiting -> {
            assertThat(waiting.id()).isEqualTo(item);
            assertThat(waiting.escalated()).isTrue();
        });
        assertThat(decisions.events)
                .filteredOn(ApprovalEscalated.class::isInstance)
                .map(ApprovalEscalated.class::cast)
                .filteredOn(event -> event.id().equals(item))
                .singleElement()
                .satisfies(event -> assertThat(event.to()).isEqualTo(id(block, 1)));
    }

    private static ByteArrayInputStream csv(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
