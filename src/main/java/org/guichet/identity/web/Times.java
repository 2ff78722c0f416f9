package org.guichet.identity.web;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.guichet.platform.DisplayZone;

/** Times in messages, in the administration's zone: {@code 14:35}. */
final class Times {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private Times() {}

    static String time(Instant instant) {
        return TIME.format(DisplayZone.local(instant));
    }
}
