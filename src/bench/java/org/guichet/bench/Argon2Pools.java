package org.guichet.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id hashes a second in two threads (m = 19 MiB, t = 2, p = 1) with each hash's memory new, from one pool of
 * blocks the two threads share, and from a pool of each thread's own ({@code PooledArgon2id}'s choice), the three in
 * turn for as many rounds as asked: one line per measurement, mode and hashes per second.
 *
 * <p>Usage: {@code java -cp <bench classes>:<bcprov 1.86 or later> org.guichet.bench.Argon2Pools SECONDS ROUNDS}.
 */
public final class Argon2Pools {

    public static void main(String[] args) throws InterruptedException {
        int seconds = Integer.parseInt(args[0]);
        int rounds = Integer.parseInt(args[1]);
        var shared = new Argon2BytesGenerator.FixedBlockPool(2 * 19456);
        var own = new Argon2BytesGenerator.FixedBlockPool[] {
            new Argon2BytesGenerator.FixedBlockPool(19456), new Argon2BytesGenerator.FixedBlockPool(19456)
        };
        run("warm-up", 3, thread -> own[thread]);
        for (int round = 0; round < rounds; round++) {
            run("new memory", seconds, thread -> null);
            run("one shared pool", seconds, thread -> shared);
            run("a pool per thread", seconds, thread -> own[thread]);
        }
    }

    private static void run(
            String mode, int seconds, java.util.function.IntFunction<Argon2BytesGenerator.BlockPool> pools)
            throws InterruptedException {
        var count = new AtomicLong();
        long started = System.nanoTime();
        long deadline = started + seconds * 1_000_000_000L;
        var workers = new ArrayList<Thread>();
        for (int t = 0; t < 2; t++) {
            var pool = pools.apply(t);
            workers.add(Thread.ofPlatform().start(() -> {
                var out = new byte[32];
                var password = "Guichet-demo-2026".getBytes(StandardCharsets.UTF_8);
                while (System.nanoTime() < deadline) {
                    var parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                            .withMemoryAsKB(19456)
                            .withIterations(2)
                            .withParallelism(1)
                            .withSalt(new byte[16]);
                    if (pool != null) {
                        parameters.withBlockPool(pool);
                    }
                    var generator = new Argon2BytesGenerator();
                    generator.init(parameters.build());
                    generator.generateBytes(password, out);
                    count.incrementAndGet();
                }
            }));
        }
        for (var worker : workers) {
            worker.join();
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        System.out.println(String.format(Locale.ROOT, "%s\t%.1f", mode, count.get() / elapsed));
    }
}
