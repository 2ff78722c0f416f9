package org.guichet.platform;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.Errors;

/**
 * Reads a date a form sends ({@code YYYY-MM-DD}, as date inputs send it) where the form reads its own values, so that
 * an unreadable date is a message next to its field rather than a form that cannot be shown again: one typed as text
 * ("31/02"), an impossible one, or one no person means (a year before 1900 or after 2200, such as {@code
 * +999999999-12-31}, which would overflow any date arithmetic further on).
 */
public final class FormDates {

    /** The years a date typed by a person may fall in. */
    public static final int FIRST_YEAR = 1900;

    public static final int LAST_YEAR = 2200;

    private FormDates() {}

    /** The date, or {@code null} when empty or rejected ({@code typeMismatch.java.time.LocalDate} on the field). */
    public static @Nullable LocalDate read(String field, @Nullable String text, Errors errors) {
        try {
            return parse(text);
        } catch (IllegalArgumentException e) {
            errors.rejectValue(field, "typeMismatch.java.time.LocalDate");
            return null;
        }
    }

    /**
     * The date, or {@code null} when empty.
     *
     * @throws IllegalArgumentException when it is not a date a person means
     */
    public static @Nullable LocalDate parse(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            var date = LocalDate.parse(text.strip());
            if (date.getYear() >= FIRST_YEAR && date.getYear() <= LAST_YEAR) {
                return date;
            }
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Not a date: " + text, e);
        }
        throw new IllegalArgumentException("Not a date a person means: " + text);
    }
}
