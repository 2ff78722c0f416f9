package org.guichet.leave.web;

import org.guichet.leave.LeaveError;
import org.guichet.platform.GuichetException;
import org.jspecify.annotations.Nullable;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;

/** Which form field a refusal belongs next to; {@code null} for those about the whole request. */
final class LeaveErrors {

    private LeaveErrors() {}

    /**
     * Puts a refusal next to its field (or as the page's refusal) and gives the status the page answers with.
     */
    static int reject(GuichetException refusal, BindingResult result, Model model) {
        var code = (LeaveError) refusal.errorCode();
        var field = field(code);
        if (field == null) {
            model.addAttribute("refusal", code.messageKey());
        } else {
            result.rejectValue(field, code.messageKey(), refusal.getDetailMessageArguments(), null);
        }
        return code.status().value();
    }

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
