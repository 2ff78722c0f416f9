package org.guichet.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.guichet.approval.domain.ApprovalRepository;
import org.guichet.directory.DirectoryManagement;
import org.guichet.platform.GuichetException;
import org.guichet.testing.IntegrationTest;
import org.guichet.testing.SmallTeam;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Each approval kind has its module's handler: a decision calls it inside the deciding transaction (its failure undoes
 * the decision), a kind without one is neither submitted nor left to wait at start-up, and two handlers never share a
 * kind.
 */
@IntegrationTest
@Import(ApprovalHandlersTests.Kinds.class)
class ApprovalHandlersTests {

    static final ApprovalKind RECORDED = new ApprovalKind("test-recorded");
    static final ApprovalKind FAILING = new ApprovalKind("test-failing");

    @TestConfiguration
    static class Kinds {
        final List<ApprovalDecided> decided = new CopyOnWriteArrayList<>();

        @Bean
        ApprovalHandler recorded() {
            return ApprovalHandler.of(RECORDED, decided::add);
        }

        @Bean
        ApprovalHandler failing() {
            return ApprovalHandler.of(FAILING, decision -> {
                throw new IllegalStateException("the subject cannot move");
            });
        }
    }

    @Autowired
    ApprovalManagement approvals;

    @Autowired
    ApprovalRepository repository;

    @Autowired
    DirectoryManagement directory;

    @Autowired
    Kinds kinds;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Test
    void decisionWhenApprovedThenItsKindsHandlerIsToldOnceWithTheDecision() {
        var team = SmallTeam.create(directory);
        var id = approvals.submit(subject(RECORDED, team), team.manager());

        approvals.approve(id, team.manager(), "Oui");

        assertThat(kinds.decided)
                .filteredOn(decision -> decision.id().equals(id))
                .singleElement()
                .satisfies(decision -> {
                    assertThat(decision.approved()).isTrue();
                    assertThat(decision.decidedBy()).isEqualTo(team.manager());
                    assertThat(decision.kind()).isEqualTo(RECORDED.name());
                });
    }

    @Test
    void decisionWhenTheHandlerFailsThenTheItemStillWaits() {
        var team = SmallTeam.create(directory);
        var id = approvals.submit(subject(FAILING, team), team.manager());

        assertThatThrownBy(() -> approvals.approve(id, team.manager(), null)).isInstanceOf(IllegalStateException.class);

        assertThat(repository.find(id).orElseThrow().state()).isEqualTo(ApprovalState.PENDING);
    }

    @Test
    void submitWhenNoModuleHandlesTheKindThenRefusedAndNothingWritten() {
        var team = SmallTeam.create(directory);
        var nobodys = new ApprovalKind("test-nobodys");

        assertThatThrownBy(() -> approvals.submit(subject(nobodys, team), team.manager()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("test-nobodys");

        assertThat(approvals.latest(nobodys, team.agent().soi())).isEmpty();
    }

    @Test
    void startUpWhenItemsWaitOfAKindNoModuleHandlesThenRefusedNamingTheKind() {
        var team = SmallTeam.create(directory);
        var id = approvals.submit(subject(RECORDED, team), team.manager());
        // the kind renamed by a later version: its items still wait under the former name
        jdbc.sql("UPDATE approval SET kind = 'test-renamed' WHERE id = ?")
                .param(id.value())
                .update();
        try {
            var handlers = context.getBeanProvider(ApprovalHandler.class);
            var strict = new ApprovalHandlers(handlers, repository, settings(true));
            var lenient = new ApprovalHandlers(handlers, repository, settings(false));

            assertThatThrownBy(strict::afterSingletonsInstantiated)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("test-renamed")
                    .hasMessageContaining("guichet.approval.refuse-unhandled-kinds");
            lenient.afterSingletonsInstantiated();
        } finally {
            jdbc.sql("DELETE FROM approval WHERE id = ?").param(id.value()).update();
        }
    }

    @Test
    void decisionWhenTheKindLostItsHandlerThenRefusedWithAReasonAndTheItemStillWaits() {
        var team = SmallTeam.create(directory);
        var id = approvals.submit(subject(RECORDED, team), team.manager());
        jdbc.sql("UPDATE approval SET kind = 'test-gone' WHERE id = ?")
                .param(id.value())
                .update();
        try {
            assertThatThrownBy(() -> approvals.approve(id, team.manager(), "Oui"))
                    .isInstanceOfSatisfying(
                            GuichetException.class,
                            refusal -> assertThat(refusal.errorCode()).isEqualTo(ApprovalError.KIND_UNHANDLED));

            assertThat(repository.find(id).orElseThrow().state()).isEqualTo(ApprovalState.PENDING);
            assertThat(kinds.decided).noneMatch(decision -> decision.id().equals(id));
        } finally {
            jdbc.sql("DELETE FROM approval WHERE id = ?").param(id.value()).update();
        }
    }

    @Test
    void startUpWhenTwoHandlersClaimOneKindThenRefusedNamingBoth() {
        var beans = new StaticListableBeanFactory(Map.of(
                "first", ApprovalHandler.of(RECORDED, decision -> {}),
                "second", ApprovalHandler.of(RECORDED, decision -> {})));
        var handlers = new ApprovalHandlers(beans.getBeanProvider(ApprovalHandler.class), repository, settings(false));

        assertThatThrownBy(handlers::afterSingletonsInstantiated)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Two approval handlers for the kind test-recorded");
    }

    @Test
    void kindWhenNotLowerCaseLettersAndDashesThenRefused() {
        for (var name : List.of("", "Leave", "leave request", "x".repeat(41), "1leave")) {
            assertThatThrownBy(() -> new ApprovalKind(name)).as(name).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(new ApprovalKind("nomadic-recertification").toString()).isEqualTo("nomadic-recertification");
    }

    private static ApprovalSubject subject(ApprovalKind kind, SmallTeam team) {
        return new ApprovalSubject(kind, team.agent().soi(), team.agent(), "Motif", null, null);
    }

    private static ApprovalSettings settings(boolean refuseUnhandledKinds) {
        return new ApprovalSettings(Duration.ofDays(3), Duration.ofDays(7), refuseUnhandledKinds);
    }
}
