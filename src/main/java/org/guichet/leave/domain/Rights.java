package org.guichet.leave.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.guichet.leave.LeaveProfile;
import org.guichet.leave.LeaveSettings;
import org.guichet.leave.LeaveType;

/**
 * The rights of a year: the full-time days of the type, times the working time, times the share of the year the agent
 * is present, rounded up to the half day (the rule of the civil service, which never rounds an agent's rights down).
 */
public final class Rights {

    /** The types whose rights are granted per year. */
    public static final java.util.List<LeaveType> YEARLY = java.util.List.of(LeaveType.ANNUAL, LeaveType.RTT);

    private Rights() {}

    /** The rights of each {@link #YEARLY yearly} type. */
    public static java.util.Map<LeaveType, BigDecimal> ofYear(int year, LeaveProfile profile, LeaveSettings settings) {
        var rights = new java.util.EnumMap<LeaveType, BigDecimal>(LeaveType.class);
        YEARLY.forEach(type -> rights.put(type, of(type, year, profile, settings)));
        return rights;
    }

    public static BigDecimal of(LeaveType type, int year, LeaveProfile profile, LeaveSettings settings) {
        var fullTime = switch (type) {
            case ANNUAL -> BigDecimal.valueOf(settings.annualDays());
            case RTT -> settings.rttFor(profile.weeklyHours());
            default -> BigDecimal.ZERO;
        };
        var share = BigDecimal.valueOf(profile.workingTime()).movePointLeft(2).multiply(presence(year, profile));
        return fullTime.multiply(share)
                .multiply(BigDecimal.TWO)
                .setScale(0, RoundingMode.CEILING)
                .divide(BigDecimal.TWO)
                .setScale(1, RoundingMode.UNNECESSARY);
    }

    /** The share of the year from the agent's arrival (1 when they were there on 1 January). */
    static BigDecimal presence(int year, LeaveProfile profile) {
        var arrival = profile.arrival();
        var first = LocalDate.of(year, 1, 1);
        if (arrival == null || !arrival.isAfter(first)) {
            return BigDecimal.ONE;
        }
        if (arrival.getYear() > year) {
            return BigDecimal.ZERO;
        }
        var present = ChronoUnit.DAYS.between(arrival, first.plusYears(1));
        return BigDecimal.valueOf(present).divide(BigDecimal.valueOf(first.lengthOfYear()), 6, RoundingMode.HALF_UP);
    }
}
