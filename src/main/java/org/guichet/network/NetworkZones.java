package org.guichet.network;

import java.util.List;

/**
 * The network zones in force: who may speak for clients (trusted proxies), the VPN pool, the office networks. From the
 * configuration ({@code guichet.access.*}) until an administrator changes them (live setting {@value #LIVE}).
 */
public record NetworkZones(List<String> trustedProxies, List<String> vpnNetworks, List<String> internalNetworks) {

    /** The name of the live setting. */
    public static final String LIVE = "access.networks";

    public NetworkZones {
        trustedProxies = List.copyOf(trustedProxies);
        vpnNetworks = List.copyOf(vpnNetworks);
        internalNetworks = List.copyOf(internalNetworks);
    }
}
