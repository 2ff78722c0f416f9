package org.guichet.platform.web;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.guichet.platform.DisplayZone;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Formats instants for pages, in the administration's zone: {@code ${@dates.dateTime(instant)}}. */
@Component("dates")
class DisplayDates {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter PRECISE = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");

    public String date(@Nullable Instant instant) {
        return instant == null ? "" : DisplayZone.DATE.format(DisplayZone.local(instant));
    }

    public String date(java.time.@Nullable LocalDate day) {
        return day == null ? "" : DisplayZone.DATE.format(day);
    }

    public String dateTime(@Nullable Instant instant) {
        return instant == null ? "" : DisplayZone.dateTime(instant);
    }

    public String time(@Nullable Instant instant) {
        return instant == null ? "" : TIME.format(DisplayZone.local(instant));
    }

    public String precise(@Nullable Instant instant) {
        return instant == null ? "" : PRECISE.format(DisplayZone.local(instant));
    }

    /** A month in the reader's language: {@code octobre 2026}, {@code October 2026}. */
    public String month(java.time.@Nullable YearMonth month) {
        return month == null
                ? ""
                : DateTimeFormatter.ofPattern("MMMM yyyy", locale()).format(month);
    }

    /** A day with its weekday, in the reader's language: {@code lundi 7 décembre 2026}. */
    public String longDate(java.time.@Nullable LocalDate day) {
        return day == null
                ? ""
                : DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", locale()).format(day);
    }

    /** An amount of money in the reader's language ({@link org.guichet.platform.DisplayNumbers#euros}). */
    public String euros(java.math.@Nullable BigDecimal amount) {
        return amount == null ? "" : org.guichet.platform.DisplayNumbers.euros(amount, locale());
    }

    /** A number of days in the reader's language ({@link org.guichet.platform.DisplayNumbers#days}). */
    public String days(java.math.@Nullable BigDecimal days) {
        return days == null ? "" : org.guichet.platform.DisplayNumbers.days(days, locale());
    }

    private static java.util.Locale locale() {
        return org.springframework.context.i18n.LocaleContextHolder.getLocale();
    }
}
