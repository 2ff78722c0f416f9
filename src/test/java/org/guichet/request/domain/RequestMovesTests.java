package org.guichet.request.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.guichet.directory.AgentId;
import org.guichet.platform.GuichetException;
import org.guichet.request.RequestCancelled;
import org.guichet.request.RequestCompleted;
import org.guichet.request.RequestError;
import org.guichet.request.RequestInformationRequested;
import org.guichet.request.RequestRejected;
import org.guichet.request.RequestSettings;
import org.guichet.request.RequestSettings.Step;
import org.guichet.request.RequestState;
import org.guichet.request.RequestStepApproved;
import org.guichet.request.RequestSubmitted;
import org.guichet.request.TimelineEvent;
import org.junit.jupiter.api.Test;

/**
 * A request's route as a plain state machine: each move says where the request goes, what its timeline records and
 * what it publishes, and refuses from a state it does not leave, with the refusal the agent or decider reads.
 */
class RequestMovesTests {

    private static final Instant NOW = Instant.parse("2027-03-01T09:00:00Z");
    private static final AgentId AGENT = AgentId.of("9000001");
    private static final AgentId MANAGER = AgentId.of("9000002");
    private static final AgentId HR = AgentId.of("9000003");
    private static final Supplier<AgentId> MANAGER_OF_AGENT = () -> MANAGER;
    private static final List<Step> ROUTE = List.of(Step.MANAGER, Step.HR);

    private static Request draft(List<Step> route) {
        var type =
                new RequestSettings.TypeDefinition("TRAINING", Map.of("fr", "Formation"), Map.of(), null, route, null);
        return Request.draft(AGENT, type, NOW);
    }

    private static Request filed() {
        return draft(ROUTE).submit(ROUTE, MANAGER_OF_AGENT, NOW).to();
    }

    private static RequestError refusal(Runnable move) {
        return (RequestError)
                catchThrowableOfType(GuichetException.class, move::run).errorCode();
    }

    @Test
    void submitWhenRouteStartsWithManagerThenFirstStepWaitsForTheAgentsManager() {
        var move = draft(ROUTE).submit(ROUTE, MANAGER_OF_AGENT, NOW);

        assertThat(move.from().state()).isEqualTo(RequestState.DRAFT);
        assertThat(move.to().state()).isEqualTo(RequestState.IN_REVIEW);
        assertThat(move.to().stepIndex()).isEqualTo(1);
        assertThat(move.to().currentStep()).isEqualTo(Step.MANAGER);
        assertThat(move.to().approver()).isEqualTo(MANAGER);
        assertThat(move.entry().event()).isEqualTo(TimelineEvent.SUBMITTED);
        assertThat(move.entry().actor()).isEqualTo(AGENT);
        assertThat(move.event()).isInstanceOf(RequestSubmitted.class);
    }

    @Test
    void submitWhenRouteIsEmptyThenNoOneDecidesAndItCompletes() {
        var filed = draft(List.of())
                .submit(
                        List.of(),
                        () -> {
                            throw new AssertionError("no manager is asked for an empty route");
                        },
                        NOW)
                .to();

        assertThat(filed.currentStep()).isNull();
        var completed = filed.complete(NOW);
        assertThat(completed.to().state()).isEqualTo(RequestState.COMPLETED);
        assertThat(completed.entry().event()).isEqualTo(TimelineEvent.COMPLETED);
        assertThat(completed.event()).isInstanceOf(RequestCompleted.class);
    }

    @Test
    void submitWhenAlreadyFiledThenNotOpen() {
        assertThat(refusal(() -> filed().submit(ROUTE, MANAGER_OF_AGENT, NOW))).isEqualTo(RequestError.NOT_OPEN);
    }

    @Test
    void decideWhenManagerApprovesThenHrStepWaitsWithoutApprover() {
        var move = filed().decide(ROUTE, MANAGER_OF_AGENT, true, MANAGER, "  Utile  ", NOW);

        assertThat(move.to().state()).isEqualTo(RequestState.IN_REVIEW);
        assertThat(move.to().stepIndex()).isEqualTo(2);
        assertThat(move.to().currentStep()).isEqualTo(Step.HR);
        assertThat(move.to().approver()).isNull();
        assertThat(move.entry().step()).isEqualTo(Step.MANAGER);
        assertThat(move.entry().comment()).isEqualTo("Utile");
        assertThat(move.event()).isInstanceOf(RequestStepApproved.class);
    }

    @Test
    void decideWhenLastStepApprovesThenNoOneDecidesAndOnlyThenItCompletes() {
        var atHr = filed().decide(ROUTE, MANAGER_OF_AGENT, true, MANAGER, null, NOW)
                .to();
        assertThat(refusal(() -> atHr.complete(NOW))).isEqualTo(RequestError.NOT_OPEN);

        var approved = atHr.decide(ROUTE, MANAGER_OF_AGENT, true, HR, null, NOW).to();

        assertThat(approved.stepIndex()).isEqualTo(2);
        assertThat(approved.currentStep()).isNull();
        assertThat(approved.complete(NOW).to().state()).isEqualTo(RequestState.COMPLETED);
    }

    @Test
    void decideWhenRejectedWithoutReasonThenCommentRequiredAndWithReasonRejected() {
        var request = filed();
        assertThat(refusal(() -> request.decide(ROUTE, MANAGER_OF_AGENT, false, MANAGER, "  ", NOW)))
                .isEqualTo(RequestError.COMMENT_REQUIRED);

        var move = request.decide(ROUTE, MANAGER_OF_AGENT, false, MANAGER, "Budget épuisé", NOW);

        assertThat(move.to().state()).isEqualTo(RequestState.REJECTED);
        assertThat(move.to().currentStep()).isNull();
        assertThat(move.event()).isInstanceOf(RequestRejected.class);
        assertThat(refusal(() -> move.to().decide(ROUTE, MANAGER_OF_AGENT, true, MANAGER, null, NOW)))
                .isEqualTo(RequestError.NOT_OPEN);
    }

    @Test
    void askInformationWhenNotTheDeciderThenRefusedAndWhenTheManagerThenWaitsForTheAgent() {
        var request = filed();
        assertThat(refusal(() -> request.askInformation(HR, () -> true, "Pourquoi ?", NOW)))
                .isEqualTo(RequestError.NOT_THE_DECIDER);
        assertThat(refusal(() -> request.askInformation(MANAGER, () -> false, " ", NOW)))
                .isEqualTo(RequestError.COMMENT_REQUIRED);

        var move = request.askInformation(MANAGER, () -> false, "Quel organisme ?", NOW);

        assertThat(move.to().state()).isEqualTo(RequestState.INFO_REQUESTED);
        assertThat(move.to().stepIndex()).isEqualTo(1);
        assertThat(move.to().approver()).isEqualTo(MANAGER);
        assertThat(move.event()).isInstanceOf(RequestInformationRequested.class);
    }

    @Test
    void askInformationWhenHrStepThenAnyoneOfHrButTheAgent() {
        var atHr = filed().decide(ROUTE, MANAGER_OF_AGENT, true, MANAGER, null, NOW)
                .to();

        assertThat(refusal(() -> atHr.askInformation(MANAGER, () -> false, "?", NOW)))
                .isEqualTo(RequestError.NOT_THE_DECIDER);
        assertThat(refusal(() -> atHr.askInformation(AGENT, () -> true, "?", NOW)))
                .isEqualTo(RequestError.NOT_THE_DECIDER);
        assertThat(atHr.askInformation(HR, () -> true, "Quelle date ?", NOW)
                        .to()
                        .currentStep())
                .isEqualTo(Step.HR);
    }

    @Test
    void giveInformationWhenAskedThenBackInReviewAtTheSameStepWithTheAnswerCut() {
        var asked = filed().askInformation(MANAGER, () -> false, "Quel organisme ?", NOW)
                .to();

        var move = asked.giveInformation("x".repeat(1200), NOW);

        assertThat(move.to().state()).isEqualTo(RequestState.IN_REVIEW);
        assertThat(move.to().currentStep()).isEqualTo(Step.MANAGER);
        assertThat(move.entry().event()).isEqualTo(TimelineEvent.INFO_GIVEN);
        assertThat(move.entry().comment()).hasSize(Request.COMMENT_MAX_LENGTH);
        assertThat(move.event()).isNull();
        assertThat(refusal(() -> move.to().giveInformation("encore", NOW)))
                .isEqualTo(RequestError.NOT_WAITING_FOR_INFORMATION);
    }

    @Test
    void cancelWhenDraftOrOpenThenCancelledAndWhenClosedThenNotOpen() {
        assertThat(draft(ROUTE).cancel(NOW).to().state()).isEqualTo(RequestState.CANCELLED);
        var cancelled = filed().cancel(NOW);
        assertThat(cancelled.to().currentStep()).isNull();
        assertThat(cancelled.event()).isInstanceOf(RequestCancelled.class);

        assertThat(refusal(() -> cancelled.to().cancel(NOW))).isEqualTo(RequestError.NOT_OPEN);
    }

    @Test
    void cancellableWhenDraftOrOpenOnly() {
        assertThat(List.of(RequestState.values()).stream().filter(RequestState::cancellable))
                .containsExactly(RequestState.DRAFT, RequestState.IN_REVIEW, RequestState.INFO_REQUESTED);
    }

    @Test
    void requireHrDecidesWhenManagerStepOrOwnRequestThenNotForHr() {
        var request = filed();
        assertThat(refusal(() -> request.requireHrDecides(HR))).isEqualTo(RequestError.NOT_FOR_HR);
        var atHr = request.decide(ROUTE, MANAGER_OF_AGENT, true, MANAGER, null, NOW)
                .to();
        assertThat(refusal(() -> atHr.requireHrDecides(AGENT))).isEqualTo(RequestError.NOT_FOR_HR);
        atHr.requireHrDecides(HR);
    }
}
