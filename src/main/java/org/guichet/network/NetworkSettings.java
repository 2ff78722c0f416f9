package org.guichet.network;

import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The network zones as configured, bound to {@code guichet.access} (the names operators already use). Addresses are
 * single addresses or CIDR ranges, IPv4 or IPv6.
 *
 * @param trustedProxies peers whose {@code X-Forwarded-For} header is believed (the load balancer, the reverse proxy)
 * @param vpnNetworks the VPN address pool: channel {@link Channel#VPN}, even inside the internal networks
 * @param internalNetworks the administration's networks: channel {@link Channel#INTERNAL}; anything else is {@link
 *     Channel#NOMADIC}
 */
@ConfigurationProperties("guichet.access")
@Validated
public record NetworkSettings(
        @DefaultValue({"127.0.0.1/32", "::1/128"}) @NotNull List<String> trustedProxies,
        @DefaultValue("10.200.0.0/16") @NotNull List<String> vpnNetworks,

        @DefaultValue({"10.0.0.0/8", "127.0.0.0/8", "::1/128"}) @NotNull
        List<String> internalNetworks) {

    /** These zones, as the live setting stores them. */
    public NetworkZones zones() {
        return new NetworkZones(trustedProxies, vpnNetworks, internalNetworks);
    }
}
