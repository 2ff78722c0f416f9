package org.guichet.platform.web;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.util.Assert;

/**
 * Which requests are being handled, since when and by which thread, and when a request last completed: what {@link
 * RequestWatchdog} judges the node's progress by. The health probes are left out, so that an orchestrator polling
 * them never looks like progress, nor like a stuck request.
 */
final class RequestProgress implements Filter {

    /** A request being handled. */
    record InFlight(String method, String path, Thread thread, Instant since) {

        String describe(Instant now) {
            return "%s %s on %s for %d s"
                    .formatted(
                            method, path, thread, Duration.between(since, now).toSeconds());
        }
    }

    private final Clock clock;
    private final AtomicLong sequence = new AtomicLong();
    private final Map<Long, InFlight> inFlight = new ConcurrentHashMap<>();
    private volatile Instant lastCompletion;

    RequestProgress(Clock clock) {
        Assert.notNull(clock, "clock is required");
        this.clock = clock;
        this.lastCompletion = clock.instant();
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!(request instanceof HttpServletRequest http) || isProbe(http)) {
            chain.doFilter(request, response);
            return;
        }
        long id = begin(http.getMethod(), http.getRequestURI());
        try {
            chain.doFilter(request, response);
        } finally {
            end(id);
        }
    }

    /** A request starts on the current thread; returns its handle for {@link #end}. */
    long begin(String method, String path) {
        long id = sequence.incrementAndGet();
        inFlight.put(id, new InFlight(method, path, Thread.currentThread(), clock.instant()));
        return id;
    }

    void end(long id) {
        inFlight.remove(id);
        lastCompletion = clock.instant();
    }

    private static boolean isProbe(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/actuator/health");
    }

    int inFlightCount() {
        return inFlight.size();
    }

    Optional<InFlight> oldest() {
        return inFlight.values().stream().min(Comparator.comparing(InFlight::since));
    }

    Instant lastCompletion() {
        return lastCompletion;
    }
}
