package org.guichet.leave;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.guichet.directory.AgentId;
import org.jspecify.annotations.Nullable;

/**
 * A leave request (or an absence HR entered).
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
