package org.guichet.bench;

import java.util.Locale;
import java.util.function.IntFunction;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id hashes a second in two threads (m = 19 MiB, t = 2, p = 1) with each hash's memory new, from one pool of
 * blocks the two threads share, and from a pool of each thread's own ({@code PooledArgon2id}'s choice), the three in
 * turn for as many rounds as asked: one line per measurement, mode and hashes per second. The loop is {@link
 * Argon2Ceiling}'s; the pools need Bouncy Castle 1.86 or later, which is why they are not there (it also runs with the
 * Bouncy Castle Keycloak ships).
 *
 * <p>Usage: {@code java -cp <bench classes>:<bcprov 1.86 or later> org.guichet.bench.Argon2Pools SECONDS ROUNDS}.
 */
public final class Argon2Pools {

    public static void main(String[] args) throws InterruptedException {
        int seconds = Integer.parseInt(args[0]);
        int rounds = Integer.parseInt(args[1]);
        var shared = parameters(new Argon2BytesGenerator.FixedBlockPool(2 * 19456));
        var own = new Argon2Parameters[] {
            parameters(new Argon2BytesGenerator.FixedBlockPool(19456)),
            parameters(new Argon2BytesGenerator.FixedBlockPool(19456))
        };
        var fresh = parameters(null);
        run("warm-up", 3, thread -> own[thread]);
        for (int round = 0; round < rounds; round++) {
            run("new memory", seconds, thread -> fresh);
            run("one shared pool", seconds, thread -> shared);
            run("a pool per thread", seconds, thread -> own[thread]);
        }
    }

    private static Argon2Parameters parameters(Argon2BytesGenerator.BlockPool pool) {
        var parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withMemoryAsKB(19456)
                .withIterations(2)
                .withParallelism(1)
                .withSalt(new byte[16]);
        return (pool == null ? parameters : parameters.withBlockPool(pool)).build();
    }

    private static void run(String mode, int seconds, IntFunction<Argon2Parameters> parameters)
            throws InterruptedException {
        var rate = Argon2Ceiling.hashesPerSecond(parameters, 2, seconds);
        System.out.println(String.format(Locale.ROOT, "%s\t%.1f", mode, rate));
    }
}
