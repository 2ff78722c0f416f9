package org.guichet.sso.demo;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.guichet.sso.Application;
import org.guichet.sso.Applications;
import org.guichet.sso.server.ApplicationStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo profile only: two applications sign agents in through Guichet, with secrets the README publishes, so that a
 * newcomer can try a real sign-in (the demo relying party of {@code guichet demo-application}, on port 9081): the GIS
 * ({@code gis}, secret {@code gis-demo-secret}) and technical management ({@code technical-management}, secret {@code
 * technical-management-demo-secret}). Done once: an application that exists is left as it is.
 */
@Component
@Profile("demo")
@Order(400)
class DemoApplications implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(DemoApplications.class);

    static final String GIS = "gis";
    static final String GIS_SECRET = "gis-demo-secret";
    static final String TECHNICAL_MANAGEMENT = "technical-management";
    static final String TECHNICAL_MANAGEMENT_SECRET = "technical-management-demo-secret";

    static final String MOBILE = "guichet-mobile";

    private final Applications applications;
    private final ApplicationStore store;
    private final Clock clock;

    DemoApplications(Applications applications, ApplicationStore store, Clock clock) {
        this.applications = applications;
        this.store = store;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        var registered = 0;
        registered += register(GIS, "Système d’information géographique", GIS_SECRET);
        registered += register(TECHNICAL_MANAGEMENT, "Gestion technique", TECHNICAL_MANAGEMENT_SECRET);
        registered += registerMobileApp();
        if (registered > 0) {
            LOG.info("Demo applications registered: {}", registered);
        }
    }

    /**
     * The administration's phone app ({@code guichet-mobile}): a public client (no secret) that signs in through the
     * phone's browser (RFC 8252) with PKCE, to a loopback address on any port, a claimed https address or its own
     * scheme; its tokens are bound to the phone's key (DPoP), and with {@code offline_access} it keeps a refresh token
     * that slides for 30 days.
     */
    private int registerMobileApp() {
        if (applications.find(MOBILE).isPresent()) {
            return 0;
        }
        store.store(
                new Application(
                        MOBILE,
                        "Guichet mobile",
                        MOBILE,
                        false,
                        List.of(
                                "http://127.0.0.1:8765/callback",
                                "https://guichet.ville.example/app/callback",
                                "fr.ville.guichet:/callback"),
                        List.of(),
                        mobileScopes(),
                        Duration.ofMinutes(10),
                        Duration.ofDays(30),
                        null,
                        true),
                null,
                clock.instant());
        return 1;
    }

    private static Set<String> mobileScopes() {
        var scopes = new java.util.LinkedHashSet<>(List.of("openid", "profile", "offline_access"));
        scopes.addAll(ApplicationStore.apiScopes());
        return scopes;
    }

    private int register(String clientId, String name, String secret) {
        if (applications.find(clientId).isPresent()) {
            return 0;
        }
        applications.register(
                new Application(
                        clientId,
                        name,
                        clientId,
                        true,
                        List.of("http://127.0.0.1:9081/login/oauth2/code/guichet"),
                        List.of("http://127.0.0.1:9081/"),
                        Set.of("openid", "profile", "email", "roles"),
                        Applications.USUAL_ACCESS_TOKEN,
                        Applications.USUAL_REFRESH_TOKEN,
                        "http://127.0.0.1:9081/logout/connect/back-channel/guichet",
                        true),
                secret,
                null);
        return 1;
    }
}
