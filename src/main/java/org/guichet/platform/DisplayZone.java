package org.guichet.platform;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** Times are stored as instants and shown to people in the administration's zone. */
public final class DisplayZone {

    public static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    private DisplayZone() {}

    public static LocalDateTime local(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZONE);
    }
}
