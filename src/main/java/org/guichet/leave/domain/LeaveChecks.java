package org.guichet.leave.domain;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import org.guichet.leave.LeaveCommand;
import org.guichet.leave.LeaveError;
import org.guichet.leave.LeaveProfile;
import org.guichet.leave.LeaveRequest;
import org.guichet.platform.DisplayZone;
import org.guichet.platform.GuichetException;
import org.jspecify.annotations.Nullable;

/**
 * The rules a leave request or a leave profile must follow before anything is written, each refusal with the sentence
 * the agent or HR reads. Plain functions: what they need is given.
 */
public final class LeaveChecks {

    public static final int COMMENT_MAX_LENGTH = 500;

    private LeaveChecks() {}

    /** The days are given, in order, within one civil year, and leave some time off. */
    public static void checkDates(LeaveCommand command) {
        if (command.start() == null) {
            throw new GuichetException(LeaveError.START_REQUIRED);
        }
        if (command.end() == null) {
            throw new GuichetException(LeaveError.END_REQUIRED);
        }
        if (command.end().isBefore(command.start())) {
            throw new GuichetException(LeaveError.END_BEFORE_START);
        }
        if (command.start().getYear() != command.end().getYear()) {
            throw new GuichetException(LeaveError.SPANS_YEARS, command.start().getYear());
        }
        if (command.start().equals(command.end()) && command.startHalfDay() && command.endHalfDay()) {
            throw new GuichetException(LeaveError.HALF_DAYS_INVALID);
        }
    }

    /** As {@link #checkDates}, and the request starts from {@code today} to {@code bookAhead} months ahead. */
    public static void checkPeriod(LeaveCommand command, LocalDate today, int bookAhead) {
        checkDates(command);
        if (command.start().isBefore(today)) {
            throw new GuichetException(LeaveError.START_IN_PAST);
        }
        if (command.start().isAfter(today.plusMonths(bookAhead))) {
            throw new GuichetException(LeaveError.TOO_FAR_AHEAD, bookAhead);
        }
    }

    /** The comment as kept (stripped, {@code null} when empty), at most {@value #COMMENT_MAX_LENGTH} characters. */
    public static @Nullable String comment(@Nullable String text, boolean required) {
        var comment = text == null ? "" : text.strip();
        if (comment.length() > COMMENT_MAX_LENGTH) {
            throw new GuichetException(LeaveError.COMMENT_TOO_LONG, COMMENT_MAX_LENGTH);
        }
        if (comment.isEmpty() && required) {
            throw new GuichetException(LeaveError.COMMENT_REQUIRED);
        }
        return comment.isEmpty() ? null : comment;
    }

    /** The period counts at least a half working day. */
    public static WorkingDays.Count checkCounted(WorkingDays.Count count) {
        if (count.days().signum() == 0) {
            throw new GuichetException(LeaveError.NO_WORKING_DAY);
        }
        return count;
    }

    /** The period shares no half day with the agent's pending or approved requests ({@code holding}). */
    public static void checkOverlap(LeaveCommand command, List<LeaveRequest> holding) {
        var first = halfDay(command.start(), command.startHalfDay());
        var last = halfDay(command.end(), true) - (command.endHalfDay() ? 1 : 0);
        for (var other : holding) {
            var otherFirst = halfDay(other.start(), other.startHalfDay());
            var otherLast = halfDay(other.end(), true) - (other.endHalfDay() ? 1 : 0);
            if (first <= otherLast && otherFirst <= last) {
                throw new GuichetException(
                        LeaveError.OVERLAPS,
                        DisplayZone.DATE.format(other.start()),
                        DisplayZone.DATE.format(other.end()));
            }
        }
    }

    /** A profile HR may record: 10 to 100 % of the time, 20 to 48 hours a week, weekdays only as days off. */
    public static void checkProfile(LeaveProfile profile) {
        if (profile.workingTime() < 10
                || profile.workingTime() > 100
                || profile.weeklyHours().compareTo(BigDecimal.valueOf(20)) < 0
                || profile.weeklyHours().compareTo(BigDecimal.valueOf(48)) > 0
                || profile.daysOff().contains(DayOfWeek.SATURDAY)
                || profile.daysOff().contains(DayOfWeek.SUNDAY)) {
            throw new GuichetException(LeaveError.PROFILE_INVALID);
        }
    }

    /** A half day's number: the morning of a day, or its afternoon. */
    private static long halfDay(LocalDate day, boolean afternoon) {
        return day.toEpochDay() * 2 + (afternoon ? 1 : 0);
    }
}
