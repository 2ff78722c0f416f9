package org.guichet.identity.password;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

class PooledArgon2idTests {

    private static final int MEMORY_KIB = 19456;
    private static final String PASSWORD = "Guichet-démo-2026 ✓";

    private final PooledArgon2id pooled = new PooledArgon2id(16, 32, 1, MEMORY_KIB, 2, 2);
    private final Argon2PasswordEncoder spring = new Argon2PasswordEncoder(16, 32, 1, MEMORY_KIB, 2);

    @Test
    void hashesWrittenByEitherEncoderAreVerifiedByTheOther() {
        var ours = pooled.encode(PASSWORD);
        var theirs = spring.encode(PASSWORD);

        assertThat(ours).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").isNotEqualTo(pooled.encode(PASSWORD));
        assertThat(spring.matches(PASSWORD, ours)).isTrue();
        assertThat(pooled.matches(PASSWORD, theirs)).isTrue();
        assertThat(pooled.matches(PASSWORD, ours)).isTrue();
        assertThat(pooled.matches("Guichet-demo-2026 ✓", ours)).isFalse();
        assertThat(pooled.matches(
                        "Guichet-démo-2026 ✓",
                        Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8().encode("Guichet-démo-2026 ✓")))
                .as("another cost, read from the hash")
                .isTrue();
        assertThat(pooled.upgradeEncoding(
                        Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8().encode("x")))
                .isTrue();
        assertThat(pooled.upgradeEncoding(ours)).isFalse();
    }

    @Test
    void malformedHashesAreRefusedWithoutAnError() {
        var ours = pooled.encode(PASSWORD);
        var parts = ours.split("\\$");
        for (var malformed : new String[] {
            "",
            "$argon2id$v=19$m=19456,t=2,p=1$" + parts[4],
            ours.replace("$argon2id$", "$argon2x$"),
            ours.replace(",p=1$", ",p=0$"),
            ours.replace("$m=19456,", "$m=99999999999,"),
            ours.replace(parts[4], parts[4].substring(1)),
            ours.substring(0, ours.lastIndexOf('$') + 2),
            ours + "$"
        }) {
            assertThat(pooled.matches(PASSWORD, malformed)).as(malformed).isFalse();
        }
    }

    /** The pool's whole point: after the first hashes, a hash allocates next to nothing of its 19 MiB. */
    @Test
    void aHashReusesTheMemoryOfTheOnesBeforeIt() {
        var stored = pooled.encode(PASSWORD);
        pooled.matches(PASSWORD, stored);

        assertThat(allocatedBy(() -> spring.matches(PASSWORD, stored)))
                .as("Spring's encoder, for comparison")
                .isGreaterThan(MEMORY_KIB * 1024L);
        assertThat(allocatedBy(() -> pooled.matches(PASSWORD, stored))).isLessThan(MEMORY_KIB * 1024L / 20);
        assertThat(allocatedBy(() -> pooled.encode(PASSWORD))).isLessThan(MEMORY_KIB * 1024L / 20);
    }

    @Test
    void hashesRunningAtOnceEachGetTheirOwnMemoryAndTheRightAnswer() throws Exception {
        PasswordEncoder bounded = new BoundedHashing(2, pooled);
        var stored = pooled.encode(PASSWORD);
        try (var threads = Executors.newFixedThreadPool(6)) {
            var answers = new ArrayList<Future<Boolean>>();
            for (int i = 0; i < 12; i++) {
                var password = i % 3 == 0 ? PASSWORD : PASSWORD + i;
                answers.add(threads.submit(() -> bounded.matches(password, stored) == password.equals(PASSWORD)));
            }
            for (var answer : answers) {
                assertThat(answer.get()).isTrue();
            }
        }
    }

    private static long allocatedBy(Runnable work) {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        var before = threads.getCurrentThreadAllocatedBytes();
        work.run();
        return threads.getCurrentThreadAllocatedBytes() - before;
    }
}
