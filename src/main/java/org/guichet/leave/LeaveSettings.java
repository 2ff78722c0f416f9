package org.guichet.leave;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The rules of leave, bound to {@code guichet.leave}.
 *
 * @param annualDays annual leave of a full-time agent present all year
 * @param fractionnement the extra days for annual leave taken outside 1 May–31 October: {@code one-from} days give
 *     one, {@code two-from} give two
 * @param rtt RTT days a full-time year for each weekly-hours cycle (the nearest lower cycle applies)
 * @param defaultWeeklyHours the cycle of agents HR has not described
 * @param cet the time-savings account's limits
 * @param alsaceMoselle whether Good Friday and St Stephen's Day are public holidays
 * @param bookAhead how many months ahead a request may start
 */
@ConfigurationProperties("guichet.leave")
@Validated
public record LeaveSettings(
        @DefaultValue("25") @Min(0) @Max(60) int annualDays,
        @DefaultValue Fractionnement fractionnement,
        List<RttCycle> rtt,
        @DefaultValue("35") BigDecimal defaultWeeklyHours,
        @DefaultValue Cet cet,
        @DefaultValue("false") boolean alsaceMoselle,
        @DefaultValue("18") @Min(1) int bookAhead) {

    public LeaveSettings {
        rtt = rtt == null ? List.of() : List.copyOf(rtt);
    }

    /** A working-time cycle and the RTT days it gives a full-time year. */
    public record RttCycle(BigDecimal weeklyHours, BigDecimal days) {}

    public record Fractionnement(
            @DefaultValue("5") int oneFrom,
            @DefaultValue("8") int twoFrom) {}

    /**
     * @param maxBalance the most days the account may hold
     * @param minAnnualTaken annual leave days (full time, prorated) the agent must have taken in the year before saving
     *     any
     */
    public record Cet(
            @DefaultValue("60") int maxBalance,
            @DefaultValue("20") int minAnnualTaken) {}

    /** RTT days of a full-time year for a weekly cycle. */
    public BigDecimal rttFor(BigDecimal weeklyHours) {
        return rtt.stream()
                .filter(cycle -> cycle.weeklyHours().compareTo(weeklyHours) <= 0)
                .max(java.util.Comparator.comparing(RttCycle::weeklyHours))
                .map(RttCycle::days)
                .orElse(BigDecimal.ZERO);
    }
}
