package org.guichet.platform;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** Times are stored as instants and shown to people in the administration's zone. */
public final class DisplayZone {

    public static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    private static final java.time.format.DateTimeFormatter DATE_TIME =
            java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    /** How a day is written for people: {@code 31/12/2026}. */
    public static final java.time.format.DateTimeFormatter DATE =
            java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private DisplayZone() {}

    /** An instant as people read it, in the administration's zone: {@code 31/12/2026 14:05}. */
    public static String dateTime(Instant instant) {
        return DATE_TIME.format(local(instant));
    }

    /** The day it is now, in the administration's zone. */
    public static LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), ZONE);
    }

    public static LocalDateTime local(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZONE);
    }
}
