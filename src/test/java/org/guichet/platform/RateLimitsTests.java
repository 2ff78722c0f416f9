package org.guichet.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.guichet.testing.IntegrationTest;
import org.guichet.testing.MutableClock;
import org.guichet.testing.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class RateLimitsTests {

    @Autowired
    RateLimits limits;

    @Autowired
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void tryAcquireWhenTwentyAtOnceThenExactlyTheLimitTaken() throws Exception {
        var key = "test:" + TestData.block().name();
        var calls = new ArrayList<Callable<Optional<java.time.Instant>>>();
        for (int i = 0; i < 20; i++) {
            calls.add(() -> limits.tryAcquire(key, 3, Duration.ofMinutes(15)));
        }
        var taken = 0;
        try (var pool = Executors.newFixedThreadPool(10)) {
            for (var result : pool.invokeAll(calls)) {
                taken += result.get().isEmpty() ? 1 : 0;
            }
        }

        assertThat(taken).isEqualTo(3);
    }

    @Test
    void tryAcquireWhenWindowOverThenAllowedAgainAndRefusalSaysWhen() {
        var key = "test:" + TestData.block().name();
        var start = clock.instant();
        for (int i = 0; i < 3; i++) {
            assertThat(limits.tryAcquire(key, 3, Duration.ofMinutes(15))).isEmpty();
        }

        var refused = limits.tryAcquire(key, 3, Duration.ofMinutes(15));
        assertThat(refused).isPresent();
        assertThat(Duration.between(start, refused.get())).isBetween(Duration.ofMinutes(14), Duration.ofMinutes(16));

        clock.advance(Duration.ofMinutes(16));
        assertThat(limits.tryAcquire(key, 3, Duration.ofMinutes(15))).isEmpty();
    }
}
