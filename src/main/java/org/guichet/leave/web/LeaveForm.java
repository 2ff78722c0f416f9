package org.guichet.leave.web;

import java.util.Arrays;
import org.guichet.leave.LeaveCommand;
import org.guichet.leave.LeaveType;
import org.guichet.platform.FormDates;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.BindingResult;

/**
 * The leave request form, as typed: values are read here, so that a wrong date is a message next to its field and
 * never a form that cannot be shown again.
 *
 * @param start {@code YYYY-MM-DD}, as date inputs send it
 * @param startHalfDay "from noon" on the first day ({@code true} when ticked)
 * @param endHalfDay "until noon" on the last day ({@code true} when ticked)
 */
record LeaveForm(
        @Nullable String type,
        @Nullable String start,
        @Nullable String end,
        @Nullable String startHalfDay,
        @Nullable String endHalfDay,
        @Nullable String comment) {

    static LeaveForm empty() {
        return new LeaveForm(LeaveType.ANNUAL.name(), null, null, null, null, null);
    }

    /** The command, or {@code null} after rejecting the fields that cannot be read. */
    @Nullable
    LeaveCommand command(BindingResult result) {
        var leaveType = type == null
                ? null
                : Arrays.stream(LeaveType.values())
                        .filter(candidate -> candidate.name().equals(type))
                        .findFirst()
                        .orElse(null);
        if (type != null && !type.isBlank() && leaveType == null) {
            result.rejectValue("type", "leave.error.TYPE_NOT_REQUESTABLE");
        }
        var first = FormDates.read("start", start, result);
        var last = FormDates.read("end", end, result);
        return result.hasErrors()
                ? null
                : new LeaveCommand(leaveType, first, last, startsAtNoon(), endsAtNoon(), comment);
    }

    /** Whether "from noon" is ticked. */
    public boolean startsAtNoon() {
        return "true".equalsIgnoreCase(startHalfDay);
    }

    /** Whether "until noon" is ticked. */
    public boolean endsAtNoon() {
        return "true".equalsIgnoreCase(endHalfDay);
    }
}
