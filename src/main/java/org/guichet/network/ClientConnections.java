package org.guichet.network;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.guichet.platform.LiveSettingRejected;
import org.guichet.platform.LiveSettings;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Tells where a request comes from. The address is the socket's peer, unless that peer is a trusted proxy: then it
 * is the nearest address in {@code X-Forwarded-For} that is not itself a trusted proxy (so a client cannot pass
 * itself off as internal by sending the header). Configured zones then give the channel.
 */
@Service
public class ClientConnections {

    private static final String ATTRIBUTE = ClientConnections.class.getName();
    /** What a garbled forwarded address is recorded as; it belongs to no zone, so its channel is the internet. */
    static final String UNKNOWN = "unknown";

    private final NetworkZones configured;
    private final @Nullable LiveSettings live;
    private volatile Compiled compiled;

    /** Zones fixed by the configuration alone (unit tests). */
    ClientConnections(NetworkSettings settings) {
        this(settings, null);
    }

    @Autowired
    ClientConnections(NetworkSettings settings, @Nullable LiveSettings live) {
        this.configured = settings.zones();
        this.live = live;
        this.compiled = new Compiled(configured);
    }

    /** The zones in force: the configuration's, or what an administrator set (on every node within seconds). */
    public NetworkZones zones() {
        return live == null ? configured : live.get(NetworkZones.LIVE, NetworkZones.class, configured);
    }

    /** What is wrong with these zones: each list's entries that are neither an address nor a CIDR block. */
    public static List<LiveSettingRejected.Problem> problems(NetworkZones zones) {
        var problems = new ArrayList<LiveSettingRejected.Problem>();
        invalid(problems, "trustedProxies", zones.trustedProxies());
        invalid(problems, "vpnNetworks", zones.vpnNetworks());
        invalid(problems, "internalNetworks", zones.internalNetworks());
        return problems;
    }

    private static void invalid(List<LiveSettingRejected.Problem> problems, String field, List<String> ranges) {
        var invalid = Networks.invalid(ranges);
        if (!invalid.isEmpty()) {
            problems.add(new LiveSettingRejected.Problem(
                    field, "network.error.ranges", List.of(String.join(", ", invalid))));
        }
    }

    /** Sets the zones every node applies within seconds, once {@link #problems checked}; else refuses them. */
    public void changeZones(NetworkZones zones, String by) {
        LiveSettingRejected.refuseIf(problems(zones));
        Objects.requireNonNull(live, "zones fixed by the configuration").put(NetworkZones.LIVE, zones, by);
    }

    private record Compiled(NetworkZones zones, Networks trustedProxies, Networks vpn, Networks internal) {
        Compiled(NetworkZones zones) {
            this(
                    zones,
                    new Networks(zones.trustedProxies()),
                    new Networks(zones.vpnNetworks()),
                    new Networks(zones.internalNetworks()));
        }
    }

    private Compiled compiled() {
        var zones = zones();
        var current = compiled;
        if (!current.zones().equals(zones)) {
            current = new Compiled(zones);
            compiled = current;
        }
        return current;
    }

    /** The client of this request, resolved once per request. */
    public ClientConnection of(HttpServletRequest request) {
        if (request.getAttribute(ATTRIBUTE) instanceof ClientConnection known) {
            return known;
        }
        var address = Networks.canonical(clientAddress(request.getRemoteAddr(), request.getHeaders("X-Forwarded-For")));
        var connection = new ClientConnection(address, channelOf(address));
        request.setAttribute(ATTRIBUTE, connection);
        return connection;
    }

    /** Whether this request's peer is a trusted proxy: only then are its forwarded headers believed. */
    public boolean fromTrustedProxy(HttpServletRequest request) {
        return compiled().trustedProxies().contains(strip(request.getRemoteAddr()));
    }

    public Channel channelOf(String address) {
        var zones = compiled();
        if (zones.vpn().contains(address)) {
            return Channel.VPN;
        }
        return zones.internal().contains(address) ? Channel.INTERNAL : Channel.NOMADIC;
    }

    private String clientAddress(String peer, java.util.Enumeration<String> forwardedHeaders) {
        var address = strip(peer);
        var trustedProxies = compiled().trustedProxies();
        if (!trustedProxies.contains(address) || forwardedHeaders == null) {
            return address;
        }
        var hops = new ArrayList<String>();
        for (var header : Collections.list(forwardedHeaders)) {
            for (var hop : header.split(",")) {
                hops.add(strip(hop.strip()));
            }
        }
        for (int i = hops.size() - 1; i >= 0; i--) {
            var hop = hops.get(i);
            if (!Networks.isLiteral(hop)) {
                return UNKNOWN;
            }
            address = hop;
            if (!trustedProxies.contains(hop)) {
                return hop;
            }
        }
        return Objects.requireNonNull(address);
    }

    /** Removes brackets and ports proxies sometimes add: {@code [2001:db8::1]:443}, {@code 203.0.113.7:51234}. */
    private static String strip(String address) {
        var value = address;
        if (value.startsWith("[")) {
            var end = value.indexOf(']');
            return end > 0 ? value.substring(1, end) : value;
        }
        var colon = value.indexOf(':');
        if (colon > 0 && value.indexOf(':', colon + 1) < 0) {
            return value.substring(0, colon);
        }
        return value;
    }
}
