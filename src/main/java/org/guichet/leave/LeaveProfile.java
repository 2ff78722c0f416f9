package org.guichet.leave;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What an agent's rights are computed from, maintained by HR.
 *
 * @param workingTime in percent: 100 full time, 80, 50…
 * @param weeklyHours the hours of the working-time cycle (35 to 39), from which RTT days follow
 * @param daysOff the weekdays the agent does not work besides weekends (part time), never counted as leave
 * @param arrival the day the agent joined, when in the year: rights of that year are prorated
 */
public record LeaveProfile(
        int workingTime,
        BigDecimal weeklyHours,
        Set<DayOfWeek> daysOff,
        @Nullable LocalDate arrival) {

    public LeaveProfile {
        daysOff = Set.copyOf(daysOff);
    }
}
