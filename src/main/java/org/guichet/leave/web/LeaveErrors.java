package org.guichet.leave.web;

import org.guichet.leave.LeaveError;
import org.jspecify.annotations.Nullable;

/** Which form field a refusal belongs next to; {@code null} for those about the whole request. */
final class LeaveErrors {

    private LeaveErrors() {}

    static @Nullable String field(LeaveError error) {
        return switch (error) {
            case TYPE_REQUIRED, TYPE_NOT_REQUESTABLE, INSUFFICIENT_BALANCE -> "type";
            case START_REQUIRED, START_IN_PAST, SPANS_YEARS, TOO_FAR_AHEAD, OVERLAPS, NO_WORKING_DAY -> "start";
            case END_REQUIRED, END_BEFORE_START -> "end";
            case HALF_DAYS_INVALID -> "endHalfDay";
            case COMMENT_TOO_LONG, COMMENT_REQUIRED -> "comment";
            default -> null;
        };
    }
}
