package org.guichet.session;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Session settings, bound to {@code guichet.session}. The idle timeout is Spring Session's {@code
 * spring.session.timeout} (30 minutes by default).
 *
 * @param absoluteLifetime how long a session may last, however active: then the agent signs in again
 * @param idleWarning how long before the idle timeout the page offers to stay signed in
 * @param metricsAddresses addresses (or CIDR ranges) a Prometheus server may scrape {@code /actuator/prometheus}
 *     from without signing in; administrators reach it from anywhere once signed in
 * @param cookieDomain the session cookie's {@code Domain}, so that the applications published through the reverse
 *     proxy on sibling hosts receive it ({@code ville.example} for {@code guichet.ville.example} and {@code
 *     sig.ville.example}); empty: the cookie is the portal's host's alone
 * @param agentCache how long a node answers {@code GET /api/v1/me} again from the agent and factor kinds it read for
 *     it (an app asks at every screen); what changes them on this node forgets them at once, the other nodes read them
 *     anew once theirs expire; {@code 0} reads them at every request
 * @param agentCacheSize how many agents a node keeps at most
 */
@ConfigurationProperties("guichet.session")
@Validated
public record SessionSettings(
        @DefaultValue("10h") Duration absoluteLifetime,
        @DefaultValue("2m") Duration idleWarning,
        @DefaultValue({"127.0.0.1/32", "::1/128"}) @NotEmpty List<String> metricsAddresses,
        @DefaultValue("") String cookieDomain,
        @DefaultValue("2s") Duration agentCache,
        @DefaultValue("10000") @PositiveOrZero int agentCacheSize) {

    /** The session cookie's name. */
    public static final String COOKIE = "GUICHET_SESSION";
}
