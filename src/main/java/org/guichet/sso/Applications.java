package org.guichet.sso;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.guichet.access.ServiceCatalogue;
import org.guichet.directory.AgentId;
import org.guichet.platform.GuichetException;
import org.guichet.sso.server.ApplicationStore;
import org.guichet.sso.server.ClientSettingNames;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The applications that sign agents in through Guichet: what administrators register, change, disable and delete.
 * A confidential application's secret is made by Guichet, shown once, and stored hashed; every change is journaled.
 */
@Service
public class Applications {

    /** The scopes an application may ask for; {@code openid} is always granted. */
    public static final Set<String> SCOPES = Set.of("openid", "profile", "email", "roles");

    /** What an application is given when its administrator says nothing: {@code openid profile email}. */
    public static final Set<String> USUAL_SCOPES = Set.of("openid", "profile", "email");

    /** How long access tokens live when the administrator says nothing. */
    public static final Duration USUAL_ACCESS_TOKEN = Duration.ofMinutes(5);

    /** How long refresh tokens live when the administrator says nothing: a working day. */
    public static final Duration USUAL_REFRESH_TOKEN = Duration.ofHours(8);

    public static final Duration SHORTEST_ACCESS_TOKEN = Duration.ofMinutes(1);
    public static final Duration LONGEST_ACCESS_TOKEN = Duration.ofHours(1);
    public static final Duration SHORTEST_REFRESH_TOKEN = Duration.ofMinutes(10);
    public static final Duration LONGEST_REFRESH_TOKEN = Duration.ofDays(30);

    private static final Pattern CLIENT_ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,63}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ApplicationStore store;
    private final ServiceCatalogue catalogue;
    private final PasswordEncoder encoder;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Applications(
            ApplicationStore store,
            ServiceCatalogue catalogue,
            PasswordEncoder encoder,
            ApplicationEventPublisher events,
            Clock clock) {
        this.store = store;
        this.catalogue = catalogue;
        this.encoder = encoder;
        this.events = events;
        this.clock = clock;
    }

    /**
     * A registered application, with its secret when it has one: shown this once, never again.
     *
     * @param secret the client secret, for a confidential application
     */
    public record Registered(
            Application application, @Nullable String secret) {}

    public List<Application> all() {
        return store.clientIds().stream()
                .map(this::find)
                .flatMap(Optional::stream)
                .toList();
    }

    /** The application of this client id; none for a resource server (not an application administrators manage). */
    public Optional<Application> find(String clientId) {
        return Optional.ofNullable(store.client(clientId))
                .filter(client -> !ClientSettingNames.resourceServer(client))
                .map(ApplicationStore::application);
    }

    /** Registers a new application; a confidential one is given a secret. */
    @Transactional
    public Registered register(Application application, @Nullable AgentId by) {
        return register(application, null, by);
    }

    /**
     * Registers a new application with the secret given (the demo's, which the README publishes); refused if its
     * client id is taken.
     */
    @Transactional
    public Registered register(Application application, @Nullable String secret, @Nullable AgentId by) {
        check(application);
        if (store.client(application.clientId()) != null) {
            throw new GuichetException(SsoError.APPLICATION_EXISTS);
        }
        var given = application.confidential() ? (secret != null ? secret : newSecret()) : null;
        store.store(application, given == null ? null : encoder.encode(given), clock.instant());
        publish(application.clientId(), ApplicationChanged.Change.REGISTERED, by);
        return new Registered(application, given);
    }

    /** Changes an application (not its secret); a change of kind (confidential or public) is refused. */
    @Transactional
    public Application change(Application application, @Nullable AgentId by) {
        check(application);
        var before =
                find(application.clientId()).orElseThrow(() -> new GuichetException(SsoError.APPLICATION_NOT_FOUND));
        if (before.confidential() != application.confidential()) {
            throw new ApplicationRejected(
                    List.of(new ApplicationRejected.Problem("confidential", "sso.application.kindFixed")));
        }
        store.store(application, null, clock.instant());
        var change = before.enabled() == application.enabled()
                ? ApplicationChanged.Change.CHANGED
                : application.enabled() ? ApplicationChanged.Change.ENABLED : ApplicationChanged.Change.DISABLED;
        publish(application.clientId(), change, by);
        return application;
    }

    /** Gives a confidential application a new secret (the former one stops working at once); shown this once. */
    @Transactional
    public String newSecret(String clientId, @Nullable AgentId by) {
        var application = find(clientId).orElseThrow(() -> new GuichetException(SsoError.APPLICATION_NOT_FOUND));
        if (!application.confidential()) {
            throw new ApplicationRejected(
                    List.of(new ApplicationRejected.Problem("confidential", "sso.application.noSecret")));
        }
        var secret = newSecret();
        store.store(application, encoder.encode(secret), clock.instant());
        publish(clientId, ApplicationChanged.Change.NEW_SECRET, by);
        return secret;
    }

    /** Deletes an application and revokes every token it was given. */
    @Transactional
    public void delete(String clientId, @Nullable AgentId by) {
        var client = store.client(clientId);
        if (client == null || ClientSettingNames.resourceServer(client)) {
            throw new GuichetException(SsoError.APPLICATION_NOT_FOUND);
        }
        store.delete(client);
        publish(clientId, ApplicationChanged.Change.DELETED, by);
    }

    private void publish(String clientId, ApplicationChanged.Change change, @Nullable AgentId by) {
        events.publishEvent(new ApplicationChanged(clientId, change, by, clock.instant()));
    }

    private static String newSecret() {
        var bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Refuses an application with anything wrong, saying what. */
    private void check(Application application) {
        var problems = new ArrayList<ApplicationRejected.Problem>();
        if (!CLIENT_ID.matcher(application.clientId()).matches()) {
            problems.add(new ApplicationRejected.Problem("clientId", "sso.application.clientId"));
        }
        if (application.name().isBlank() || application.name().length() > 200) {
            problems.add(new ApplicationRejected.Problem("name", "sso.application.name"));
        }
        if (catalogue.find(application.serviceId()).isEmpty()) {
            problems.add(new ApplicationRejected.Problem("serviceId", "sso.application.service"));
        }
        if (application.redirectUris().isEmpty()
                || !application.redirectUris().stream().allMatch(Applications::acceptableUri)) {
            problems.add(new ApplicationRejected.Problem("redirectUris", "sso.application.redirectUris"));
        }
        if (!application.postLogoutRedirectUris().stream().allMatch(Applications::acceptableUri)) {
            problems.add(new ApplicationRejected.Problem("postLogoutRedirectUris", "sso.application.redirectUris"));
        }
        if (application.backChannelLogoutUri() != null && !acceptableUri(application.backChannelLogoutUri())) {
            problems.add(new ApplicationRejected.Problem("backChannelLogoutUri", "sso.application.redirectUris"));
        }
        if (!application.scopes().contains("openid") || !SCOPES.containsAll(application.scopes())) {
            problems.add(new ApplicationRejected.Problem("scopes", "sso.application.scopes"));
        }
        if (!within(application.accessTokenLifetime(), SHORTEST_ACCESS_TOKEN, LONGEST_ACCESS_TOKEN)) {
            problems.add(new ApplicationRejected.Problem("accessTokenLifetime", "sso.application.accessTokenLifetime"));
        }
        if (!within(application.refreshTokenLifetime(), SHORTEST_REFRESH_TOKEN, LONGEST_REFRESH_TOKEN)) {
            problems.add(
                    new ApplicationRejected.Problem("refreshTokenLifetime", "sso.application.refreshTokenLifetime"));
        }
        if (!problems.isEmpty()) {
            throw new ApplicationRejected(problems);
        }
    }

    private static boolean within(Duration value, Duration least, Duration most) {
        return value.compareTo(least) >= 0 && value.compareTo(most) <= 0;
    }

    /**
     * An absolute address without a fragment: HTTPS, or HTTP on the machine itself (an application under development,
     * the demo), or an application's own scheme (a mobile app's {@code fr.ville.guichet:/callback}).
     */
    static boolean acceptableUri(String candidate) {
        if (candidate.length() > 500 || candidate.chars().anyMatch(c -> c <= 0x20 || c == 0x7f || c == ',')) {
            return false;
        }
        try {
            var uri = new URI(candidate);
            if (!uri.isAbsolute() || uri.getFragment() != null || uri.getScheme() == null) {
                return false;
            }
            return switch (uri.getScheme()) {
                case "https" -> uri.getHost() != null;
                case "http" ->
                    "127.0.0.1".equals(uri.getHost())
                            || "localhost".equals(uri.getHost())
                            || "[::1]".equals(uri.getHost());
                default ->
                    uri.getScheme().contains(".")
                            && uri.getRawSchemeSpecificPart().startsWith("/");
            };
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }
}
