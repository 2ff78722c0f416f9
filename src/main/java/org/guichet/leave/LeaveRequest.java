package org.guichet.leave;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.guichet.directory.AgentId;
import org.guichet.platform.GuichetException;
import org.jspecify.annotations.Nullable;

/**
 * A leave request (or an absence HR entered), and the moves it allows: each checks where the request stands and returns
 * a {@link Move} (the request it becomes, the days it moves on the balance, the event it publishes), which is saved
 * only if the request is still where the move found it.
 *
 * @param startHalfDay whether the first day is taken from noon only
 * @param endHalfDay whether the last day is taken until noon only
 * @param days working days it counts
 * @param decidedBy the manager (or their delegate) who decided, or HR who entered it
 */
public record LeaveRequest(
        LeaveRequestId id,
        AgentId agent,
        LeaveType type,
        LocalDate start,
        LocalDate end,
        boolean startHalfDay,
        boolean endHalfDay,
        BigDecimal days,
        @Nullable String comment,
        LeaveState state,
        Instant requestedAt,
        @Nullable AgentId decidedBy,
        @Nullable Instant decidedAt,
        @Nullable String decisionComment) {

    /**
     * A move of a request.
     *
     * @param pendingChange days added to the balance's pending days (negative to give them back)
     * @param takenChange days added to its taken days
     */
    public record Move(
            LeaveRequest from, LeaveRequest to, BigDecimal pendingChange, BigDecimal takenChange, Object event) {}

    /** A request the agent asks for, waiting for the manager. */
    public static LeaveRequest asked(
            AgentId agent,
            LeaveType type,
            LeaveCommand command,
            BigDecimal days,
            @Nullable String comment,
            Instant now) {
        return create(agent, type, command, days, comment, LeaveState.PENDING, now, null);
    }

    /** An absence HR records, approved as it is entered. */
    public static LeaveRequest recorded(
            AgentId agent,
            LeaveType type,
            LeaveCommand command,
            BigDecimal days,
            @Nullable String comment,
            Instant now,
            AgentId hr) {
        return create(agent, type, command, days, comment, LeaveState.APPROVED, now, hr);
    }

    private static LeaveRequest create(
            AgentId agent,
            LeaveType type,
            LeaveCommand command,
            BigDecimal days,
            @Nullable String comment,
            LeaveState state,
            Instant now,
            @Nullable AgentId decidedBy) {
        return new LeaveRequest(
                LeaveRequestId.random(),
                agent,
                type,
                java.util.Objects.requireNonNull(command.start()),
                java.util.Objects.requireNonNull(command.end()),
                command.startHalfDay(),
                command.endHalfDay(),
                days,
                comment,
                state,
                now,
                decidedBy,
                decidedBy == null ? null : now,
                null);
    }

    /**
     * The agent cancels it before it starts: a waiting request gives back its pending days, an approved one its taken
     * days, and its manager is told.
     */
    public Move cancel(LocalDate today, Instant now) {
        if (!cancellable(today)) {
            throw new GuichetException(LeaveError.NOT_CANCELLABLE);
        }
        var approved = state == LeaveState.APPROVED;
        return new Move(
                this,
                to(LeaveState.CANCELLED, decidedBy, now, decisionComment),
                approved ? BigDecimal.ZERO : days.negate(),
                approved ? days.negate() : BigDecimal.ZERO,
                new LeaveRequestCancelled(id, agent, type, start, end, approved ? decidedBy : null, now));
    }

    /** The manager decides a waiting request: its pending days become taken, or are given back. */
    public Move decide(boolean approve, AgentId by, @Nullable String comment, Instant at) {
        if (state != LeaveState.PENDING) {
            throw new GuichetException(LeaveError.NOT_CANCELLABLE);
        }
        return new Move(
                this,
                to(
                        approve ? LeaveState.APPROVED : LeaveState.REJECTED,
                        by,
                        at,
                        comment == null ? decisionComment : comment),
                days.negate(),
                approve ? days : BigDecimal.ZERO,
                new LeaveRequestDecided(id, agent, type, start, end, approve, by, comment, at));
    }

    private LeaveRequest to(
            LeaveState state, @Nullable AgentId decidedBy, Instant decidedAt, @Nullable String decisionComment) {
        return new LeaveRequest(
                id,
                agent,
                type,
                start,
                end,
                startHalfDay,
                endHalfDay,
                days,
                comment,
                state,
                requestedAt,
                decidedBy,
                decidedAt,
                decisionComment);
    }

    /** Whether the agent may still cancel it on {@code today}: not ended, not started. */
    public boolean cancellable(LocalDate today) {
        return state.holdsDays() && today.isBefore(start) && type.requestable();
    }

    /** Whether it covers the morning ({@code afternoon} false) or the afternoon of {@code day}. */
    public boolean covers(LocalDate day, boolean afternoon) {
        if (day.isBefore(start) || day.isAfter(end)) {
            return false;
        }
        if (day.equals(start) && startHalfDay && !afternoon) {
            return false;
        }
        return !(day.equals(end) && endHalfDay && afternoon);
    }
}
