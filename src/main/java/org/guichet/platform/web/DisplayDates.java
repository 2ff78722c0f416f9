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

    /** An amount of money in the reader's language: {@code 2 345,67 €}, {@code €2,345.67}. */
    public String euros(java.math.@Nullable BigDecimal amount) {
        if (amount == null) {
            return "";
        }
        var format = java.text.NumberFormat.getCurrencyInstance(locale());
        format.setCurrency(java.util.Currency.getInstance("EUR"));
        return format.format(amount);
    }

    /** A number of days, with a half when there is one: {@code 2,5} in French, {@code 2.5} in English. */
    public String days(java.math.@Nullable BigDecimal days) {
        if (days == null) {
            return "";
        }
        var format = java.text.NumberFormat.getNumberInstance(locale());
        format.setMaximumFractionDigits(1);
        return format.format(days);
    }

    private static java.util.Locale locale() {
        return org.springframework.context.i18n.LocaleContextHolder.getLocale();
    }
}
