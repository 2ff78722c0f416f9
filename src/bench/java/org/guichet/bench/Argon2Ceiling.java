package org.guichet.bench;

import java.util.ArrayList;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
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
        // warm-up: the JIT compiles the compression function before anything is counted
        hashesPerSecond(thread -> parameters, threads, 3);
        var rate = hashesPerSecond(thread -> parameters, threads, seconds);
        var version = new org.bouncycastle.jce.provider.BouncyCastleProvider().getVersionStr();
        System.out.println(String.format(Locale.ROOT, "%.1f\t%s", rate, version));
    }

    /** Hashes a second over so many seconds, each thread hashing with its own parameters ({@code thread} from 0). */
    static double hashesPerSecond(IntFunction<Argon2Parameters> parameters, int threads, int seconds)
            throws InterruptedException {
        var password = "Guichet-demo-2026".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        var count = new AtomicLong();
        long started = System.nanoTime();
        long deadline = started + seconds * 1_000_000_000L;
        var workers = new ArrayList<Thread>();
        for (int t = 0; t < threads; t++) {
            var own = parameters.apply(t);
            workers.add(Thread.ofPlatform().start(() -> {
                var out = new byte[32];
                while (System.nanoTime() < deadline) {
                    var generator = new Argon2BytesGenerator();
                    generator.init(own);
                    generator.generateBytes(password, out);
                    count.incrementAndGet();
                }
            }));
        }
        for (var worker : workers) {
            worker.join();
        }
        return count.get() / ((System.nanoTime() - started) / 1e9);
    }
}
