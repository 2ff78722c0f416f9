package org.guichet.schedule;

import java.time.LocalTime;
import org.jspecify.annotations.Nullable;

/**
 * A working time range of a day.
 *
 * @param end earlier than {@code start} for a night shift ending the next day
 * @param label what the shift is ("Équipe de nuit"), when imported with one
 */
public record Slot(LocalTime start, LocalTime end, @Nullable String label, Source source) {

    public enum Source {
        /** The agent's regular weekly pattern. */
        PATTERN,
        /** An imported shift. */
        SHIFT,
        /** Guichet's default hours, for an agent with neither. */
        DEFAULT
    }

    public boolean overnight() {
        return !end.isAfter(start);
    }
}
