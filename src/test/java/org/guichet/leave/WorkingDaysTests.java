package org.guichet.leave;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;
import org.guichet.leave.domain.WorkingDays;
import org.guichet.platform.PublicHolidays;
import org.junit.jupiter.api.Test;

/** Working days: weekends, French public holidays (those computed from Easter included), days off, half days. */
class WorkingDaysTests {

    private static String days(String start, String end, boolean startHalf, boolean endHalf, DayOfWeek... off) {
        return WorkingDays.count(LocalDate.parse(start), LocalDate.parse(end), startHalf, endHalf, Set.of(off), false)
                .days()
                .toPlainString();
    }

    @Test
    void easterWhenComputedThenMondayAscensionAndWhitMondayFollow() {
        var holidays2026 = PublicHolidays.of(2026, false);
        assertThat(holidays2026)
                .containsKeys(
                        LocalDate.parse("2026-04-06"), // Easter Monday (Easter: 5 April)
                        LocalDate.parse("2026-05-14"), // Ascension
                        LocalDate.parse("2026-05-25")) // Whit Monday
                .hasSize(11);
        assertThat(PublicHolidays.of(2027, false)).containsKey(LocalDate.parse("2027-03-29"));
        assertThat(PublicHolidays.of(2025, false)).containsKey(LocalDate.parse("2025-04-21"));
        assertThat(PublicHolidays.of(2024, true))
                .containsKeys(LocalDate.parse("2024-03-29"), LocalDate.parse("2024-12-26"))
                .hasSize(13);
    }

    @Test
    void periodWhenItCrossesAHolidayAndAWeekendThenOnlyWorkingDaysCount() {
        // Monday 11 to Friday 15 May 2026: Thursday 14 is Ascension
        assertThat(days("2026-05-11", "2026-05-15", false, false)).isEqualTo("4.0");
        // Friday 22 to Tuesday 26 May 2026: a weekend and Whit Monday in between
        assertThat(days("2026-05-22", "2026-05-26", false, false)).isEqualTo("2.0");
        // Wednesday 13 from noon to Tuesday 26 until noon: ½ + 1 + 5 + ½
        assertThat(days("2026-05-13", "2026-05-26", true, true)).isEqualTo("7.0");
        assertThat(days("2026-05-11", "2026-05-11", true, false)).isEqualTo("0.5");
        assertThat(days("2026-05-11", "2026-05-11", false, true)).isEqualTo("0.5");
    }

    @Test
    void periodWhenOnlyWeekendsHolidaysOrDaysOffThenNothingCounts() {
        assertThat(days("2026-05-16", "2026-05-17", false, false)).isEqualTo("0.0");
        assertThat(days("2026-07-14", "2026-07-14", false, false)).isEqualTo("0.0");
        // an agent working 80 % with Wednesdays off
        assertThat(days("2026-05-11", "2026-05-15", false, false, DayOfWeek.WEDNESDAY))
                .isEqualTo("3.0");
        assertThat(days("2026-05-13", "2026-05-13", false, false, DayOfWeek.WEDNESDAY))
                .isEqualTo("0.0");
    }

    @Test
    void outsideSummerWhenCountedThenOnlyDaysOutsideMayToOctober() {
        var count = WorkingDays.count(
                LocalDate.parse("2026-10-26"), LocalDate.parse("2026-11-06"), false, false, Set.of(), false);
        // 26–30 October: 5 days in summer; 2–6 November: 5 days outside (1 November is a Sunday)
        assertThat(count.days()).isEqualByComparingTo("10");
        assertThat(count.outsideSummer()).isEqualByComparingTo("5");
    }
}
