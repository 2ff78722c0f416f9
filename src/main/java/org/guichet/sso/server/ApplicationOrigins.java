package org.guichet.sso.server;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import org.guichet.platform.AfterCommit;
import org.guichet.platform.FormTargets;
import org.guichet.sso.ApplicationChanged;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * The applications' addresses that a sign-in form may lead to, through the redirect that sends the agent back with a
 * code: the origins of the enabled applications' redirect URIs (a mobile app's own scheme as a scheme). Read again
 * every 30 seconds, so that every node follows the administration's changes.
 */
@Component
class ApplicationOrigins implements FormTargets {

    private static final Duration FRESH = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(ApplicationOrigins.class);

    private final ApplicationStore store;
    private final Clock clock;
    private volatile @Nullable Read read;

    ApplicationOrigins(ApplicationStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    private record Read(Set<String> sources, Instant at) {}

    @Override
    public Set<String> sources() {
        var current = read;
        var now = clock.instant();
        if (current == null || now.isAfter(current.at().plus(FRESH)) || now.isBefore(current.at())) {
            Set<String> sources;
            try {
                sources = load();
            } catch (DataAccessException unreachable) {
                // the database is away: every answer still gets its headers, with what was read last (none, if
                // nothing was: forms then lead to Guichet only), and the next read comes after FRESH
                LOG.warn("Applications' origins kept as read last: {}", unreachable.toString());
                sources = current == null ? Set.of() : current.sources();
            }
            current = new Read(sources, now);
            read = current;
        }
        return current.sources();
    }

    /** Forgets what was read once a change on this node is committed: the next answer reads them again. */
    @EventListener
    void forget(ApplicationChanged change) {
        AfterCommit.run(() -> read = null);
    }

    private Set<String> load() {
        var sources = new TreeSet<String>();
        store.redirectUris().stream().map(ApplicationOrigins::source).forEach(source -> {
            if (source != null) {
                sources.add(source);
            }
        });
        return Set.copyOf(sources);
    }

    /** The CSP source of a redirect URI: its origin, or its scheme for an application's own scheme. */
    static @Nullable String source(String redirectUri) {
        try {
            var uri = URI.create(redirectUri);
            if (uri.getScheme() == null) {
                return null;
            }
            if (uri.getHost() == null) {
                return uri.getScheme() + ":";
            }
            return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
