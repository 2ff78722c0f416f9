package org.guichet.platform.web;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.guichet.platform.DisplayZone;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Formats instants for pages, in the administration's zone: {@code ${@dates.dateTime(instant)}}. */
@Component("dates")
class DisplayDates {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter PRECISE = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");

    public String date(@Nullable Instant instant) {
        return instant == null ? "" : DisplayZone.DATE.format(DisplayZone.local(instant));
    }

    public String date(java.time.@Nullable LocalDate day) {
        return day == null ? "" : DisplayZone.DATE.format(day);
    }

    public String dateTime(@Nullable Instant instant) {
        return instant == null ? "" : DATE_TIME.format(DisplayZone.local(instant));
    }

    public String time(@Nullable Instant instant) {
        return instant == null ? "" : TIME.format(DisplayZone.local(instant));
    }

    public String precise(@Nullable Instant instant) {
        return instant == null ? "" : PRECISE.format(DisplayZone.local(instant));
    }
}
