package org.guichet.leave.domain;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.Set;
import org.guichet.platform.PublicHolidays;

/**
 * Counts the working days of a period: weekends, public holidays and the agent's days off count nothing; a half day
 * at either end counts one half.
 */
public final class WorkingDays {

    private WorkingDays() {}

    /**
     * @param days working days in the period
     * @param outsideSummer those outside 1 May–31 October (for the "fractionnement" days of annual leave)
     */
    public record Count(BigDecimal days, BigDecimal outsideSummer) {}

    private static final BigDecimal HALF = new BigDecimal("0.5");

    public static Count count(
            LocalDate start,
            LocalDate end,
            boolean startHalfDay,
            boolean endHalfDay,
            Set<DayOfWeek> daysOff,
            boolean alsaceMoselle) {
        var days = BigDecimal.ZERO;
        var outside = BigDecimal.ZERO;
        for (var day = start; !day.isAfter(end); day = day.plusDays(1)) {
            if (!isWorkingDay(day, daysOff, alsaceMoselle)) {
                continue;
            }
            var weight = BigDecimal.ONE;
            if (day.equals(start) && startHalfDay) {
                weight = weight.subtract(HALF);
            }
            if (day.equals(end) && endHalfDay) {
                weight = weight.subtract(HALF);
            }
            days = days.add(weight);
            if (day.getMonth().compareTo(Month.MAY) < 0 || day.getMonth().compareTo(Month.OCTOBER) > 0) {
                outside = outside.add(weight);
            }
        }
        return new Count(days.setScale(1), outside.setScale(1));
    }

    public static boolean isWorkingDay(LocalDate day, Set<DayOfWeek> daysOff, boolean alsaceMoselle) {
        var weekday = day.getDayOfWeek();
        return weekday != DayOfWeek.SATURDAY
                && weekday != DayOfWeek.SUNDAY
                && !daysOff.contains(weekday)
                && !PublicHolidays.isHoliday(day, alsaceMoselle);
    }
}
