package org.guichet.session;

import java.time.Duration;

/**
 * How long sessions last: idle, and at most however active. From the configuration ({@code spring.session.timeout},
 * {@code guichet.session.absolute-lifetime}) until an administrator changes them (live setting {@value #LIVE}); the
 * idle timeout applies to sessions opened from then on.
 */
public record SessionRules(Duration idleTimeout, Duration absoluteLifetime) {

    public static final String LIVE = "session.rules";
}
