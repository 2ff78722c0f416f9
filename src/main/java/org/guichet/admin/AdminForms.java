package org.guichet.admin;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.constraints.Range;
import org.jspecify.annotations.Nullable;

/**
 * The administration's forms, each field with its rule as a Bean Validation constraint. The message of a constraint
 * is the key of the sentence shown next to the field; a range's bounds are its arguments. Rules across fields (the
 * longest lock after the first one, the idle time within a session's lifetime) are checked by {@link Administration}.
 */
public final class AdminForms {

    private AdminForms() {}

    /** How many failures lock an account, for how long at first and at most, and how many failures per address. */
    public record Lockout(
            @Range(min = 3, max = 20, message = RANGE) int threshold,
            @Range(min = 1, max = 60, message = RANGE) int firstLockMinutes,
            @Range(min = 1, max = 24 * 60, message = RANGE) int longestLockMinutes,
            @Range(min = 10, max = 10_000, message = RANGE) int failuresPerAddress) {}

    /** How long a session lasts idle, and at most. */
    public record Sessions(
            @Range(min = 5, max = 240, message = RANGE) int idleMinutes,
            @Range(min = 1, max = 24, message = RANGE) int absoluteHours) {}

    /** A new version of the IT charter, in both languages; each text is taken without its surrounding spaces. */
    public record Charter(
            @NotNull(message = TITLE) @Size(min = 3, max = 200, message = TITLE) @Nullable
            String titleFr,

            @NotNull(message = TITLE) @Size(min = 3, max = 200, message = TITLE) @Nullable
            String titleEn,

            @NotNull(message = TEXT) @Size(min = 20, max = 20_000, message = TEXT) @Nullable
            String textFr,

            @NotNull(message = TEXT) @Size(min = 20, max = 20_000, message = TEXT) @Nullable
            String textEn) {

        public Charter {
            titleFr = strip(titleFr);
            titleEn = strip(titleEn);
            textFr = strip(textFr);
            textEn = strip(textEn);
        }

        private static @Nullable String strip(@Nullable String text) {
            return text == null ? null : text.strip();
        }
    }

    static final String RANGE = "{admin.error.range}";
    static final String TITLE = "{admin.error.charterTitle}";
    static final String TEXT = "{admin.error.charterText}";
}
