package org.guichet.leave;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A leave request as the agent fills it in.
 *
 * @param startHalfDay the first day from noon only
 * @param endHalfDay the last day until noon only
 */
public record LeaveCommand(
        @Nullable LeaveType type,
        @Nullable LocalDate start,
        @Nullable LocalDate end,
        boolean startHalfDay,
        boolean endHalfDay,
        @Nullable String comment) {}
