package org.guichet.platform;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The request watchdog, bound to {@code guichet.watchdog}: a node that no longer completes requests says so in its
 * log, with a thread dump, and in its liveness probe, instead of hanging silently.
 *
 * @param enabled watch request handling (on by default)
 * @param stallAfter how long requests may wait with none completing, and a trivial task on the request threads not
 *     starting, before the node is declared stalled
 * @param checkEvery how often the watchdog looks
 */
@ConfigurationProperties("guichet.watchdog")
@Validated
public record WatchdogSettings(
        @DefaultValue("true") boolean enabled,

        @DefaultValue("15s") @NotNull @DurationMin(seconds = 1)
        Duration stallAfter,

        @DefaultValue("1s") @NotNull @DurationMin(millis = 10)
        Duration checkEvery) {}
