package org.guichet.edge;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.guichet.testing.HttpAgent;
import org.guichet.testing.Nginx;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the tests through nginx share: the zones the client's address stands for, the test hosts of the portal and
 * the applications (resolved to 127.0.0.1 by {@code LoopbackNames}), the shipped site file adapted to them, and
 * signing in at the portal through nginx.
 */
final class ThroughNginx {

    static final String OFFICE = "127.0.0.2";
    static final String VPN = "127.0.0.3";
    static final String INTERNET = "127.0.0.4";

    // the properties of a node behind the test's nginx: nginx (127.0.0.1) is its trusted proxy
    static final String TRUSTED_PROXY = "guichet.access.trusted-proxies=127.0.0.1/32";
    static final String OFFICE_ZONE = "guichet.access.internal-networks=127.0.0.2/32";
    static final String VPN_ZONE = "guichet.access.vpn-networks=127.0.0.3/32";
    static final String GIS_HOST = "GUICHET_GIS_HOST=gis.guichet.test";
    static final String TM_HOST = "GUICHET_TECHNICAL_MANAGEMENT_HOST=tm.guichet.test";
    static final String COOKIE_DOMAIN = "guichet.session.cookie-domain=guichet.test";

    private ThroughNginx() {}

    static Map<String, Object> properties(String portal) {
        return java.util.stream.Stream.of(
                        TRUSTED_PROXY,
                        OFFICE_ZONE,
                        VPN_ZONE,
                        GIS_HOST,
                        TM_HOST,
                        COOKIE_DOMAIN,
                        "guichet.edge.portal-url=" + portal)
                .collect(Collectors.toMap(property -> property.substring(0, property.indexOf('=')), property ->
                        (Object) property.substring(property.indexOf('=') + 1)));
    }

    static String portal(int port) {
        return "http://portal.guichet.test:" + port;
    }

    static String gis(int port) {
        return "http://gis.guichet.test:" + port;
    }

    /** nginx with the shipped configuration, in front of these ports of Guichet's nodes and the echoing application. */
    static Nginx start(int port, int application, int... guichet) throws Exception {
        var nodes = IntStream.of(guichet)
                .mapToObj(node -> "server 127.0.0.1:" + node + ";")
                .collect(Collectors.joining("\n    "));
        var replacements = new java.util.HashMap<>(applications(application));
        replacements.put("server 127.0.0.1:8080;", nodes);
        return Nginx.start(port, replacements);
    }

    /**
     * What the shipped site files name that a test replaces, Guichet's address aside: the applications' upstreams
     * (all the echoing application) and the demo's hosts (the test's, resolved to 127.0.0.1).
     */
    static Map<String, String> applications(int application) {
        var echo = "127.0.0.1:" + application;
        return Map.of(
                "127.0.0.1:9091",
                echo,
                "127.0.0.1:9092",
                echo,
                "127.0.0.1:9093",
                echo,
                "guichet.localhost",
                "portal.guichet.test",
                "gis.localhost",
                "gis.guichet.test",
                "tm.localhost",
                "tm.guichet.test");
    }

    /**
     * The confidential documents (under {@code /confidentiel/} of the GIS's host) asked for under other spellings of
     * their path: each must be decided as they are, whoever reads the path.
     */
    static final String[] DISGUISED_CONFIDENTIAL = {
        "//confidentiel/",
        "/maps/../confidentiel/",
        "/maps/%2e%2e/confidentiel/",
        "/%2Fconfidentiel/",
        "/maps/..%2Fconfidentiel/x",
        "/confidentiel;jsessionid=1/",
        "/./confidentiel/"
    };

    static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElse("");
    }

    /** Signs in at the portal through nginx, with the authenticator app when the channel asks for it. */
    static HttpAgent signedIn(String from, String portal, String login, JdbcClient jdbc, Clock clock) {
        var browser = HttpAgent.from(from, portal);
        browser.signInWithSecondFactor(login, jdbc, clock);
        return browser;
    }
}
