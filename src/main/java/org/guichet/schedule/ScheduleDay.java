package org.guichet.schedule;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One day of an agent's schedule.
 *
 * @param holiday the public holiday's name, when it is one (no slots then, unless a shift was imported)
 * @param onLeave whether approved leave or an absence covers the day (its slots are kept, for information)
 */
public record ScheduleDay(
        LocalDate date, List<Slot> slots, @Nullable String holiday, boolean onLeave) {

    public ScheduleDay {
        slots = List.copyOf(slots);
    }
}
