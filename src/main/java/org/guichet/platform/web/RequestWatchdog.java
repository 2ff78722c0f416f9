package org.guichet.platform.web;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.HotSpotDiagnosticMXBean.ThreadDumpFormat;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.guichet.platform.WatchdogSettings;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.util.Assert;

/**
 * Tells a node that no longer completes requests from a busy one. The node is <em>stalled</em> when requests have
 * waited for {@code stallAfter} with none completing, and a trivial task handed to the request threads (Tomcat's
 * executor) has not started for half that time: a single long request (a journal export, a large upload) never
 * counts as a stall as long as other work can still start. Then the watchdog logs, once, what is in flight with a
 * full thread dump (virtual threads included), and turns liveness {@link LivenessState#BROKEN BROKEN}, so that
 * {@code /actuator/health/liveness} answers {@code 503} and an orchestrator restarts the node; when requests complete
 * again it says so and turns liveness back to {@link LivenessState#CORRECT CORRECT}.
 *
 * <p>It runs on a platform thread of its own, which neither a starved virtual-thread scheduler nor exhausted request
 * threads can hold up.
 */
final class RequestWatchdog implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RequestWatchdog.class);

    private final RequestProgress progress;
    private final WatchdogSettings settings;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private volatile @Nullable Executor requestThreads;
    private @Nullable ScheduledExecutorService schedule;

    // touched by check() only, which is synchronized
    private @Nullable Probe probe;
    private @Nullable Instant stalledSince;

    /** A no-op handed to the request threads at {@code submitted}: whether any of them could start it. */
    private record Probe(Instant submitted, AtomicBoolean ran) {}

    RequestWatchdog(
            RequestProgress progress, WatchdogSettings settings, Clock clock, ApplicationEventPublisher events) {
        Assert.notNull(progress, "progress is required");
        Assert.notNull(settings, "settings are required");
        Assert.notNull(clock, "clock is required");
        Assert.notNull(events, "events are required");
        this.progress = progress;
        this.settings = settings;
        this.clock = clock;
        this.events = events;
    }

    /** The executor that runs requests: the watchdog asks it to start a no-op when requests stop completing. */
    void watch(@Nullable Executor requestThreads) {
        this.requestThreads = requestThreads;
    }

    /** Looks every {@code checkEvery} on a daemon platform thread of its own, until {@link #close()}. */
    synchronized void start() {
        if (schedule != null) {
            return;
        }
        schedule = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("request-watchdog").daemon().factory());
        long period = settings.checkEvery().toMillis();
        schedule.scheduleWithFixedDelay(this::checkSafely, period, period, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void close() {
        if (schedule != null) {
            schedule.shutdownNow();
            schedule = null;
        }
    }

    private void checkSafely() {
        try {
            check();
        } catch (RuntimeException e) {
            log.error("The request watchdog failed to look at request handling", e);
        }
    }

    /** One look at request handling; returns whether the node is stalled. */
    synchronized boolean check() {
        var now = clock.instant();
        var stallAfter = settings.stallAfter();
        var half = stallAfter.dividedBy(2);
        var oldest = progress.oldest().orElse(null);
        boolean waiting = oldest != null
                && waitedFor(oldest.since(), now, half)
                && waitedFor(progress.lastCompletion(), now, half);
        if (!waiting) {
            probe = null;
            if (stalledSince != null) {
                resumed(now);
            }
            return false;
        }
        if (probe == null || (probe.ran().get() && waitedFor(probe.submitted(), now, half))) {
            probe = submitProbe(now);
        }
        boolean stalled = waitedFor(oldest.since(), now, stallAfter)
                && waitedFor(progress.lastCompletion(), now, stallAfter)
                && !probe.ran().get()
                && waitedFor(probe.submitted(), now, half);
        if (stalled && stalledSince == null) {
            stalled(now, oldest);
        }
        return stalledSince != null;
    }

    private static boolean waitedFor(Instant since, Instant now, Duration duration) {
        return !since.plus(duration).isAfter(now);
    }

    private Probe submitProbe(Instant now) {
        var ran = new AtomicBoolean();
        var executor = requestThreads;
        if (executor != null) {
            try {
                executor.execute(() -> ran.set(true));
            } catch (RejectedExecutionException full) {
                // as good as not started
            }
        }
        return new Probe(now, ran);
    }

    private void stalled(Instant now, RequestProgress.InFlight oldest) {
        stalledSince = now;
        var dump = threadDump();
        log.error(
                "Request handling has stalled: {} requests in flight, none completed for {} s, and the request threads"
                        + " cannot start new work; the oldest is {}. Liveness is now BROKEN so that this node is"
                        + " restarted. {}",
                progress.inFlightCount(),
                Duration.between(progress.lastCompletion(), now).toSeconds(),
                oldest.describe(now),
                dump);
        AvailabilityChangeEvent.publish(events, this, LivenessState.BROKEN);
    }

    private void resumed(Instant now) {
        log.warn(
                "Request handling has resumed after a stall of {} s; liveness is CORRECT again",
                Duration.between(stalledSince, now).toSeconds());
        stalledSince = null;
        AvailabilityChangeEvent.publish(events, this, LivenessState.CORRECT);
    }

    /** Every thread's stack, virtual threads included, kept in a file and returned for the log. */
    static String threadDump() {
        try {
            var file = Files.createTempFile("guichet-stall-", ".txt").toAbsolutePath();
            Files.delete(file); // the JDK writes the dump to a file that does not exist yet
            ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                    .dumpThreads(file.toString(), ThreadDumpFormat.TEXT_PLAIN);
            return "Thread dump (also in " + file + "):\n" + Files.readString(file);
        } catch (IOException | RuntimeException e) {
            return "Thread dump (platform threads only: " + e + "):\n" + platformThreads();
        }
    }

    private static String platformThreads() {
        return Arrays.stream(ManagementFactory.getThreadMXBean().dumpAllThreads(true, true))
                .map(Object::toString)
                .collect(Collectors.joining());
    }
}
