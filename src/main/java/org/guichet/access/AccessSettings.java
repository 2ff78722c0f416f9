package org.guichet.access;

import jakarta.validation.Valid;
import java.time.Duration;
import java.time.Period;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Access settings, bound to {@code guichet.access} (the network zones under the same prefix belong to the network
 * module's {@code NetworkSettings}).
 *
 * @param services the service catalogue (the default one is in {@code application.yml})
 * @param nomadic the remote-access ("nomadic profile") rules
 */
@ConfigurationProperties("guichet.access")
@Validated
public record AccessSettings(
        @DefaultValue List<@Valid ServiceDefinition> services,
        @DefaultValue @Valid Nomadic nomadic) {

    /**
     * @param autoActivate whether a profile the manager approved is active at once, without IT support's step
     * @param longest how long a profile lasts at most before the manager must confirm it (re-certification)
     * @param recertifyBefore how long before that end the manager is asked to confirm
     * @param reasonMaxLength the longest reason an agent may give
     */
    public record Nomadic(
            @DefaultValue("false") boolean autoActivate,
            @DefaultValue("P12M") Period longest,
            @DefaultValue("30d") Duration recertifyBefore,
            @DefaultValue("500") int reasonMaxLength) {}
}
