package org.guichet.access.web;

import jakarta.validation.constraints.NotBlank;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * A request for remote access: why, and until when (optional).
 *
 * @param endDate the last day, {@code YYYY-MM-DD}; none for "as long as my work needs it" (at most 12 months, then
 *     confirmed by the manager)
 */
record RemoteAccessForm(
        @NotBlank(message = "{nomadic.error.REASON_REQUIRED}") @Nullable
        String reason,

        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable
        LocalDate endDate) {

    static RemoteAccessForm empty() {
        return new RemoteAccessForm(null, null);
    }
}
