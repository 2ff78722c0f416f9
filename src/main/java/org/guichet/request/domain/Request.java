package org.guichet.request.domain;

import static org.guichet.request.RequestState.CANCELLED;
import static org.guichet.request.RequestState.COMPLETED;
import static org.guichet.request.RequestState.DRAFT;
import static org.guichet.request.RequestState.INFO_REQUESTED;
import static org.guichet.request.RequestState.IN_REVIEW;
import static org.guichet.request.RequestState.REJECTED;

import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.guichet.directory.AgentId;
import org.guichet.platform.GuichetException;
import org.guichet.request.AdminRequest.TimelineEntry;
import org.guichet.request.RequestCancelled;
import org.guichet.request.RequestCompleted;
import org.guichet.request.RequestError;
import org.guichet.request.RequestId;
import org.guichet.request.RequestInformationRequested;
import org.guichet.request.RequestRejected;
import org.guichet.request.RequestSettings.Step;
import org.guichet.request.RequestSettings.TypeDefinition;
import org.guichet.request.RequestState;
import org.guichet.request.RequestStepApproved;
import org.guichet.request.RequestSubmitted;
import org.guichet.request.TimelineEvent;
import org.jspecify.annotations.Nullable;

/**
 * An administrative request and the moves its route allows. Each move checks where the request stands and returns a
 * {@link Move}: the request it becomes, the step its timeline records, and the event it publishes; the repository
 * saves it only if the request is still where the move found it.
 *
 * @param stepIndex the step in review (1-based); 0 while in draft
 * @param currentStep who decides now, while open
 * @param approver the manager who decides a manager step
 * @param takenBy who of HR took it from the queue
 */
@io.swagger.v3.oas.annotations.media.Schema(name = "StoredRequest")
public record Request(
        RequestId id,
        AgentId agent,
        String type,
        RequestState state,
        int stepIndex,
        int stepCount,
        @Nullable Step currentStep,
        @Nullable AgentId approver,
        @Nullable AgentId takenBy,
        Instant submittedAt) {

    /** The longest comment kept; a longer one is cut. */
    public static final int COMMENT_MAX_LENGTH = 1000;

    /** A new request of this type, in draft. */
    public static Request draft(AgentId agent, TypeDefinition type, Instant now) {
        return new Request(
                RequestId.random(), agent, type.id(), DRAFT, 0, type.steps().size(), null, null, null, now);
    }

    /**
     * A move of a request.
     *
     * @param event what it publishes, if anything
     */
    public record Move(
            Request from,
            Request to,
            TimelineEntry entry,
            @Nullable Object event) {}

    /** Whether the step in review is the last of its route. */
    public boolean lastStep() {
        return stepIndex >= stepCount;
    }

    /** Files the draft: the first step of the route waits (the manager, when it is theirs), or none when it is empty. */
    public Move submit(List<Step> route, Supplier<AgentId> manager, Instant now) {
        require(state == DRAFT, RequestError.NOT_OPEN);
        var first = route.isEmpty() ? null : route.getFirst();
        return move(
                to(IN_REVIEW, 1, first, first == Step.MANAGER ? manager.get() : null),
                entry(TimelineEvent.SUBMITTED, null, agent, null, now),
                new RequestSubmitted(id, agent, type, now));
    }

    /**
     * Whoever decides the current step sends it back to the agent: the manager of a manager step, anyone of HR but the
     * agent for an HR step. The comment says what is missing.
     */
    public Move askInformation(AgentId by, BooleanSupplier byHr, @Nullable String comment, Instant now) {
        require(state == IN_REVIEW && currentStep != null, RequestError.NOT_OPEN);
        var decides = currentStep == Step.MANAGER ? by.equals(approver) : !by.equals(agent) && byHr.getAsBoolean();
        require(decides, RequestError.NOT_THE_DECIDER);
        var why = required(comment);
        return move(
                to(INFO_REQUESTED, stepIndex, currentStep, approver),
                entry(TimelineEvent.INFO_REQUESTED, currentStep, by, why, now),
                new RequestInformationRequested(id, agent, type, by, why, now));
    }

    /** The agent answers: the request goes back to whoever asked, at the same step. */
    public Move giveInformation(@Nullable String comment, Instant now) {
        var answer = required(comment);
        require(state == INFO_REQUESTED, RequestError.NOT_WAITING_FOR_INFORMATION);
        return move(
                to(IN_REVIEW, stepIndex, currentStep, approver),
                entry(TimelineEvent.INFO_GIVEN, currentStep, agent, answer, now),
                null);
    }

    /** The agent withdraws it (see {@link RequestState#cancellable()}). */
    public Move cancel(Instant now) {
        require(state.cancellable(), RequestError.NOT_OPEN);
        return move(
                to(CANCELLED, stepIndex, null, null),
                entry(TimelineEvent.CANCELLED, null, agent, null, now),
                new RequestCancelled(id, agent, type, now));
    }

    /** HR may decide it: it waits for HR, and is not their own. */
    public void requireHrDecides(AgentId hr) {
        require(currentStep == Step.HR && state == IN_REVIEW && !agent.equals(hr), RequestError.NOT_FOR_HR);
    }

    /**
     * The decider of the current step approves it (the next step waits) or rejects it (saying why). Once the last
     * step approved it, the request {@link #complete completes}.
     */
    public Move decide(
            List<Step> route,
            Supplier<AgentId> manager,
            boolean approve,
            AgentId by,
            @Nullable String comment,
            Instant now) {
        var why = comment == null || comment.isBlank() ? null : comment.strip();
        require(approve || why != null, RequestError.COMMENT_REQUIRED);
        require(state == IN_REVIEW && currentStep != null, RequestError.NOT_OPEN);
        var step = currentStep;
        if (!approve) {
            return move(
                    to(REJECTED, stepIndex, null, null),
                    entry(TimelineEvent.REJECTED, step, by, why, now),
                    new RequestRejected(id, agent, type, step, by, why, now));
        }
        var next = lastStep() ? null : route.get(stepIndex);
        return move(
                to(IN_REVIEW, stepIndex + (lastStep() ? 0 : 1), next, next == Step.MANAGER ? manager.get() : null),
                entry(TimelineEvent.APPROVED, step, by, why, now),
                new RequestStepApproved(id, agent, type, step, by, why, now));
    }

    /** Every step approved it (or its route has none): no one decides any more, it completes. */
    public Move complete(Instant now) {
        require(state == IN_REVIEW && currentStep == null, RequestError.NOT_OPEN);
        return move(
                to(COMPLETED, stepIndex, null, null),
                entry(TimelineEvent.COMPLETED, null, null, null, now),
                new RequestCompleted(id, agent, type, now));
    }

    /** The comment a move needs, stripped and cut to {@value #COMMENT_MAX_LENGTH} characters. */
    static String required(@Nullable String comment) {
        if (comment == null || comment.isBlank()) {
            throw new GuichetException(RequestError.COMMENT_REQUIRED);
        }
        var text = comment.strip();
        return text.length() <= COMMENT_MAX_LENGTH ? text : text.substring(0, COMMENT_MAX_LENGTH);
    }

    private Request to(RequestState state, int stepIndex, @Nullable Step currentStep, @Nullable AgentId approver) {
        return new Request(id, agent, type, state, stepIndex, stepCount, currentStep, approver, takenBy, submittedAt);
    }

    private Move move(Request to, TimelineEntry entry, @Nullable Object event) {
        return new Move(this, to, entry, event);
    }

    private static TimelineEntry entry(
            TimelineEvent event, @Nullable Step step, @Nullable AgentId by, @Nullable String comment, Instant now) {
        return new TimelineEntry(now, event, step, by, comment);
    }

    private static void require(boolean condition, RequestError refusal) {
        if (!condition) {
            throw new GuichetException(refusal);
        }
    }
}
