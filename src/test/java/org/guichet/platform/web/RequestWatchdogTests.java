package org.guichet.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.guichet.platform.WatchdogSettings;
import org.guichet.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** What the watchdog calls a stall, with a clock the test moves and request threads the test controls. */
@ExtendWith(OutputCaptureExtension.class)
class RequestWatchdogTests {

    private static final Duration STALL_AFTER = Duration.ofSeconds(10);

    private final MutableClock clock = new MutableClock();
    private final RequestProgress progress = new RequestProgress(clock);
    private final List<Object> events = new ArrayList<>();
    private final RequestWatchdog watchdog = new RequestWatchdog(
            progress, new WatchdogSettings(true, STALL_AFTER, Duration.ofSeconds(1)), clock, events::add);

    /** Request threads that take work but never start it: every thread is stuck. */
    private final List<Runnable> neverStarted = new ArrayList<>();

    private final Executor stuckThreads = neverStarted::add;

    private final Executor freeThreads = Runnable::run;

    @Test
    void checkWhenNothingIsInFlightThenNotStalled() {
        watchdog.watch(stuckThreads);
        clock.advance(Duration.ofMinutes(5));

        assertThat(watchdog.check()).isFalse();
        assertThat(neverStarted).as("no probe without a waiting request").isEmpty();
        assertThat(events).isEmpty();
    }

    @Test
    void checkWhenRequestsWaitAndTheThreadsCannotStartWorkThenStalledOnceWithADumpAndLivenessBroken(
            CapturedOutput output) {
        watchdog.watch(stuckThreads);
        progress.begin("GET", "/payslips");
        progress.begin("POST", "/login");

        clock.advance(Duration.ofSeconds(6));
        assertThat(watchdog.check()).as("too early").isFalse();
        assertThat(neverStarted).as("a probe handed to the request threads").hasSize(1);

        clock.advance(Duration.ofSeconds(5));
        assertThat(watchdog.check()).isTrue();
        clock.advance(Duration.ofSeconds(5));
        assertThat(watchdog.check()).as("still stalled").isTrue();

        assertThat(events)
                .singleElement()
                .satisfies(event -> assertThat(((AvailabilityChangeEvent<?>) event).getState())
                        .isEqualTo(LivenessState.BROKEN));
        assertThat(output)
                .containsOnlyOnce("Request handling has stalled: 2 requests in flight, none completed for 11 s")
                .contains("the oldest is GET /payslips on ")
                .contains("Thread dump (also in ")
                .contains("RequestWatchdogTests.checkWhenRequestsWait");
    }

    @Test
    void checkWhenRequestsCompleteAgainThenResumedAndLivenessCorrect(CapturedOutput output) {
        watchdog.watch(stuckThreads);
        long stuck = progress.begin("GET", "/leave");
        clock.advance(Duration.ofSeconds(6));
        watchdog.check();
        clock.advance(Duration.ofSeconds(6));
        assertThat(watchdog.check()).isTrue();

        progress.end(stuck);
        clock.advance(Duration.ofSeconds(1));

        assertThat(watchdog.check()).isFalse();
        assertThat(events)
                .extracting(event -> (Object) ((AvailabilityChangeEvent<?>) event).getState())
                .containsExactly(LivenessState.BROKEN, LivenessState.CORRECT);
        assertThat(output).contains("Request handling has resumed after a stall of 1 s");
    }

    @Test
    void checkWhenOneLongRequestRunsButOtherWorkCanStartThenNotStalled() {
        watchdog.watch(freeThreads);
        progress.begin("GET", "/api/v1/audit/export.csv");

        for (int second = 0; second < 120; second++) {
            clock.advance(Duration.ofSeconds(1));
            assertThat(watchdog.check()).as("after %d s", second + 1).isFalse();
        }
        assertThat(events).isEmpty();
    }

    @Test
    void checkWhenRequestsStillCompleteThenNotStalledEvenWithAnOldOneInFlight() {
        watchdog.watch(stuckThreads);
        progress.begin("GET", "/security/journal");

        for (int second = 0; second < 60; second++) {
            clock.advance(Duration.ofSeconds(1));
            progress.end(progress.begin("GET", "/"));
            assertThat(watchdog.check()).as("after %d s", second + 1).isFalse();
        }
        assertThat(neverStarted).as("no probe while requests complete").isEmpty();
    }

    @Test
    void checkWhenTheProbeRanOnceButTheThreadsAreStuckSinceThenStalled() {
        var threads = new ArrayList<Runnable>();
        Executor startsTheFirstOnly = task -> {
            if (threads.isEmpty()) {
                task.run();
            }
            threads.add(task);
        };
        watchdog.watch(startsTheFirstOnly);
        progress.begin("GET", "/schedule");

        clock.advance(Duration.ofSeconds(6));
        assertThat(watchdog.check()).isFalse();
        clock.advance(Duration.ofSeconds(6));
        assertThat(watchdog.check())
                .as("the first probe ran: a new one is handed over")
                .isFalse();
        clock.advance(Duration.ofSeconds(6));

        assertThat(watchdog.check()).isTrue();
        assertThat(threads).hasSize(2);
    }

    @Test
    void checkWhenTheRequestThreadsAreUnknownThenJudgedOnCompletionsAlone() {
        progress.begin("GET", "/requests");
        clock.advance(Duration.ofSeconds(6));
        watchdog.check();
        clock.advance(Duration.ofSeconds(5));

        assertThat(watchdog.check()).isTrue();
    }
}
