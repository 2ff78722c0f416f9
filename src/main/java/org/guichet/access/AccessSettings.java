package org.guichet.access;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.Period;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Access settings, bound to {@code guichet.access}. Addresses are single addresses or CIDR ranges, IPv4 or IPv6.
 *
 * @param trustedProxies peers whose {@code X-Forwarded-For} header is believed (the load balancer, the reverse proxy)
 * @param vpnNetworks the VPN address pool: channel {@link Channel#VPN}, even inside the internal networks
 * @param internalNetworks the administration's networks: channel {@link Channel#INTERNAL}; anything else is {@link
 *     Channel#NOMADIC}
 * @param services the service catalogue (the default one is in {@code application.yml})
 * @param nomadic the remote-access ("nomadic profile") rules
 */
@ConfigurationProperties("guichet.access")
@Validated
public record AccessSettings(
        @DefaultValue({"127.0.0.1/32", "::1/128"}) @NotNull List<String> trustedProxies,
        @DefaultValue("10.200.0.0/16") @NotNull List<String> vpnNetworks,

        @DefaultValue({"10.0.0.0/8", "127.0.0.0/8", "::1/128"}) @NotNull
        List<String> internalNetworks,

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
