package org.guichet.bench;

import java.util.ArrayList;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * The raw Argon2id ceiling: how many hashes a second the machine computes with the Bouncy Castle on the class path, in
 * as many threads as asked, nothing else running. Depends on Bouncy Castle and the JDK alone, so that {@code
 * bench/versus-keycloak.sh} runs it once with Guichet's Bouncy Castle and once with the jar Keycloak ships.
 *
 * <p>Usage: {@code java -cp <classes>:<bcprov.jar> org.guichet.bench.Argon2Ceiling THREADS SECONDS [MEMORY_KIB
 * ITERATIONS PARALLELISM]}; prints hashes per second and the Bouncy Castle's version.
 */
public final class Argon2Ceiling {

    public static void main(String[] args) throws InterruptedException {
        int threads = Integer.parseInt(args[0]);
        int seconds = Integer.parseInt(args[1]);
        int memory = args.length > 2 ? Integer.parseInt(args[2]) : 19456;
        int iterations = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        int parallelism = args.length > 4 ? Integer.parseInt(args[4]) : 1;
        var parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memory)
                .withIterations(iterations)
                .withParallelism(parallelism)
                .withSalt(new byte[16])
                .build();
        var password = "Guichet-demo-2026".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        // warm-up: the JIT compiles the compression function before anything is counted
        hashFor(parameters, password, threads, 3_000_000_000L, new AtomicLong());
        var count = new AtomicLong();
        long started = System.nanoTime();
        hashFor(parameters, password, threads, seconds * 1_000_000_000L, count);
        double elapsed = (System.nanoTime() - started) / 1e9;
        var version = new org.bouncycastle.jce.provider.BouncyCastleProvider().getVersionStr();
        System.out.println(String.format(Locale.ROOT, "%.1f\t%s", count.get() / elapsed, version));
    }

    private static void hashFor(Argon2Parameters parameters, byte[] password, int threads, long nanos, AtomicLong count)
            throws InterruptedException {
        long deadline = System.nanoTime() + nanos;
        var workers = new ArrayList<Thread>();
        for (int t = 0; t < threads; t++) {
            workers.add(Thread.ofPlatform().start(() -> {
                var out = new byte[32];
                while (System.nanoTime() < deadline) {
                    var generator = new Argon2BytesGenerator();
                    generator.init(parameters);
                    generator.generateBytes(password, out);
                    count.incrementAndGet();
                }
            }));
        }
        for (var worker : workers) {
            worker.join();
        }
    }
}
