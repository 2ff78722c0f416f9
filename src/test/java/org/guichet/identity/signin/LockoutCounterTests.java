package org.guichet.identity.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.guichet.identity.SignInError;
import org.guichet.network.Channel;
import org.guichet.network.ClientConnection;
import org.guichet.testing.IntegrationTest;
import org.guichet.testing.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The counters themselves: exact under concurrency, cleared by a success. */
@IntegrationTest
class LockoutCounterTests {

    @Autowired
    Lockout lockout;

    private static ClientConnection client() {
        return new ClientConnection(TestData.address(), Channel.NOMADIC);
    }

    @Test
    void recordFailureWhenHundredThreadsAtOnceThenHundred() throws Exception {
        var key = Lockout.identifierKey("concurrent." + TestData.block().name());
        var failures = new ArrayList<Callable<Lockout.Failure>>();
        for (int i = 0; i < 100; i++) {
            failures.add(() -> lockout.recordFailure(key, null, client(), SignInError.BAD_CREDENTIALS));
        }
        var counts = new ArrayList<Integer>();
        try (var pool = Executors.newFixedThreadPool(20)) {
            for (var result : pool.invokeAll(failures)) {
                counts.add(result.get().failures());
            }
        }

        assertThat(counts)
                .as("each failure saw its own count")
                .doesNotHaveDuplicates()
                .hasSize(100);
        assertThat(counts).contains(1, 100);
        assertThat(lockout.lockedUntil(key)).isPresent();
    }

    @Test
    void recordSuccessThenCountForgotten() {
        var key = Lockout.identifierKey("success." + TestData.block().name());
        for (int i = 0; i < 5; i++) {
            lockout.recordFailure(key, null, client(), SignInError.BAD_CREDENTIALS);
        }
        assertThat(lockout.lockedUntil(key)).isPresent();

        lockout.recordSuccess(List.of(key, key));

        assertThat(lockout.lockedUntil(key)).isEmpty();
        assertThat(lockout.recordFailure(key, null, client(), SignInError.BAD_CREDENTIALS)
                        .failures())
                .isEqualTo(1);
    }
}
