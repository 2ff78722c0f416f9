package org.guichet.identity.password;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

class BoundedHashingTests {

    /** Counts the hashes being computed at the same moment, around the real Argon2id encoder. */
    private static final class Watched implements PasswordEncoder {
        final PasswordEncoder argon2 = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
        final AtomicInteger now = new AtomicInteger();
        final AtomicInteger most = new AtomicInteger();

        @Override
        public String encode(CharSequence raw) {
            return watched(() -> argon2.encode(raw));
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            return watched(() -> argon2.matches(raw, encoded));
        }

        private <T> T watched(java.util.function.Supplier<T> hash) {
            most.accumulateAndGet(now.incrementAndGet(), Math::max);
            try {
                return hash.get();
            } finally {
                now.decrementAndGet();
            }
        }
    }

    @Test
    void hashesWhenEightAskAtOnceThenTwoAreComputedAtATimeAndEachAnswerIsRight() throws Exception {
        var watched = new Watched();
        var bounded = new BoundedHashing(2, watched);
        var stored = watched.argon2.encode("Guichet-demo-2026");
        var start = new CountDownLatch(1);
        var right = new AtomicInteger();
        var threads = new ArrayList<Thread>();
        for (int i = 0; i < 8; i++) {
            var password = i % 2 == 0 ? "Guichet-demo-2026" : "wrong-" + i;
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    start.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                if (bounded.matches(password, stored) == password.equals("Guichet-demo-2026")) {
                    right.incrementAndGet();
                }
            }));
        }
        start.countDown();
        for (var thread : threads) {
            thread.join(60_000);
        }

        assertThat(right).hasValue(8);
        assertThat(watched.most).hasValue(2);
    }
}
