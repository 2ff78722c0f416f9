package org.guichet.access;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Objects;
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

    private final Networks trustedProxies;
    private final Networks vpn;
    private final Networks internal;

    ClientConnections(AccessSettings settings) {
        this.trustedProxies = new Networks(settings.trustedProxies());
        this.vpn = new Networks(settings.vpnNetworks());
        this.internal = new Networks(settings.internalNetworks());
    }

    /** The client of this request, resolved once per request. */
    public ClientConnection of(HttpServletRequest request) {
        if (request.getAttribute(ATTRIBUTE) instanceof ClientConnection known) {
            return known;
        }
        var address = clientAddress(request.getRemoteAddr(), request.getHeaders("X-Forwarded-For"));
        var connection = new ClientConnection(address, channelOf(address));
        request.setAttribute(ATTRIBUTE, connection);
        return connection;
    }

    public Channel channelOf(String address) {
        if (vpn.contains(address)) {
            return Channel.VPN;
        }
        return internal.contains(address) ? Channel.INTERNAL : Channel.NOMADIC;
    }

    private String clientAddress(String peer, java.util.Enumeration<String> forwardedHeaders) {
        var address = strip(peer);
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
