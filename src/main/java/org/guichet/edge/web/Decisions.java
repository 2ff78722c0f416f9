package org.guichet.edge.web;

import com.github.benmanes.caffeine.cache.Cache;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Map;
import org.guichet.access.NomadicProfileDeactivated;
import org.guichet.access.NomadicProfileExpired;
import org.guichet.directory.AgentId;
import org.guichet.directory.AgentJournaled;
import org.guichet.directory.AgentStatusChanged;
import org.guichet.directory.AgentTransferred;
import org.guichet.edge.EdgeSettings;
import org.guichet.network.Channel;
import org.guichet.platform.AfterCommit;
import org.guichet.platform.BriefCache;
import org.guichet.session.SessionRevoked;
import org.guichet.session.SignedOut;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The decisions a node took for the proxy, kept {@link EdgeSettings#decisionCache() briefly} (a page and its files
 * are one decision), and their count and duration for Prometheus ({@code guichet_edge_decisions_seconds}, by service,
 * outcome and whether the answer was kept).
 *
 * <p>Only decisions taken for a valid session are kept, under its cookie: an answer to "sign in" never is, so a
 * forged or expired cookie is decided every time. What changes a decision about an agent on this node (signing out,
 * a closed session, a suspension, a remote-access profile that ends, a transfer) forgets the agent's decisions here
 * at once; the other nodes decide afresh once theirs expire.
 */
@Component
@ConditionalOnWebApplication
class Decisions {

    /** What one decision is kept for: the session, the service and where the request comes from. */
    record Key(String session, String service, String address, Channel channel) {}

    /** An answer to the proxy: its status and headers, and whose it is (to forget it). */
    record Answer(
            int status,
            Map<String, String> headers,
            @Nullable AgentId agent) {

        void writeTo(HttpServletResponse response) {
            headers.forEach(response::setHeader);
            response.setStatus(status);
        }
    }

    /** How a decision ended, as Prometheus counts it. */
    enum Outcome {
        ALLOWED,
        REFUSED,
        SIGN_IN,
        NOT_PUBLISHED;

        String tag() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    static Outcome outcome(Answer answer) {
        return switch (answer.status()) {
            case HttpServletResponse.SC_OK -> Outcome.ALLOWED;
            case HttpServletResponse.SC_UNAUTHORIZED -> Outcome.SIGN_IN;
            default -> Outcome.REFUSED;
        };
    }

    private final @Nullable Cache<Key, Answer> kept;
    private final MeterRegistry meters;

    Decisions(EdgeSettings settings, MeterRegistry meters) {
        this.meters = meters;
        this.kept = BriefCache.of(settings.decisionCache(), settings.decisionCacheSize());
    }

    @Nullable
    Answer kept(@Nullable Key key) {
        return kept == null || key == null ? null : kept.getIfPresent(key);
    }

    void keep(@Nullable Key key, Answer answer) {
        if (kept != null && key != null && answer.agent() != null) {
            kept.put(key, answer);
        }
    }

    void count(String service, Outcome outcome, boolean wasKept, long startedNanos) {
        Timer.builder("guichet.edge.decisions")
                .description("The reverse proxy's questions about requests to published applications")
                .tag("service", service)
                .tag("outcome", outcome.tag())
                .tag("cached", String.valueOf(wasKept))
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofNanos(50_000))
                .maximumExpectedValue(Duration.ofSeconds(2))
                .register(meters)
                .record(System.nanoTime() - startedNanos, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    /** Once it is committed, what changes an agent's decisions forgets those this node kept. */
    @EventListener({
        SignedOut.class,
        SessionRevoked.class,
        AgentStatusChanged.class,
        AgentTransferred.class,
        NomadicProfileDeactivated.class,
        NomadicProfileExpired.class
    })
    void forget(AgentJournaled event) {
        AfterCommit.run(() -> {
            if (kept != null) {
                kept.asMap().values().removeIf(answer -> event.agent().equals(answer.agent()));
            }
        });
    }
}
