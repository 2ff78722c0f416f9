package org.guichet.identity.password;

import java.security.MessageDigest;
import java.util.Base64;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.keygen.BytesKeyGenerator;
import org.springframework.security.crypto.keygen.KeyGenerators;

/**
 * Argon2id exactly as Spring Security's {@link Argon2PasswordEncoder} computes and writes it ({@code
 * $argon2id$v=19$m=19456,t=2,p=1$salt$hash}, each encoder verifying the other's hashes), except where its memory comes
 * from: Bouncy Castle's own pool of blocks ({@link Argon2BytesGenerator.FixedBlockPool}, through {@link
 * Argon2Parameters.Builder#withBlockPool}) instead of 19 MiB of new objects for every hash. At a city's morning each
 * sign-in otherwise allocates its hash's memory afresh, which the collector must find room for, copy while the hash is
 * running and reclaim: a pool per hash that may run at once ({@link BoundedHashing}'s turns) keeps one hash's memory
 * and hands it to the next hash, zeroed in between; and the JVM is asked to compile Bouncy Castle's block function in
 * one piece ({@link Argon2Inlining}). Bouncy Castle does the hashing; what is written here is
 * the hash's text, in the grammar Spring Security reads (the algorithm, an optional version, the three costs, the salt
 * and the hash in Base64 without padding). Whether a hash should be recomputed at a higher cost is Spring's own answer.
 */
final class PooledArgon2id extends Argon2PasswordEncoder {

    private static final Logger LOG = LoggerFactory.getLogger(PooledArgon2id.class);
    private static final Pattern HASH = Pattern.compile(
            "\\$argon2(id|i|d)(?:\\$v=(\\d{1,9}))?\\$m=(\\d{1,9}),t=(\\d{1,9}),p=(\\d{1,9})\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");
    private static final Base64.Encoder BASE64 = Base64.getEncoder().withoutPadding();

    private final int hashLength;
    private final int parallelism;
    private final int memoryKib;
    private final int iterations;
    private final BytesKeyGenerator salts;
    private final BlockingQueue<Argon2BytesGenerator.FixedBlockPool> pools;

    /**
     * @param concurrent how many hashes may run at once: so many pools are kept, each of one hash's memory (a block is
     *     1 KiB)
     */
    PooledArgon2id(int saltLength, int hashLength, int parallelism, int memoryKib, int iterations, int concurrent) {
        super(saltLength, hashLength, parallelism, memoryKib, iterations);
        this.hashLength = hashLength;
        this.parallelism = parallelism;
        this.memoryKib = memoryKib;
        this.iterations = iterations;
        this.salts = KeyGenerators.secureRandom(saltLength);
        this.pools = new ArrayBlockingQueue<>(concurrent);
        Argon2Inlining.requestInBackground();
    }

    @Override
    protected String encodeNonNullPassword(String rawPassword) {
        var salt = salts.generateKey();
        var parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withSalt(salt)
                .withParallelism(parallelism)
                .withMemoryAsKB(memoryKib)
                .withIterations(iterations);
        var hash = hash(parameters, rawPassword, hashLength);
        return "$argon2id$v=" + Argon2Parameters.ARGON2_VERSION_13 + "$m=" + memoryKib + ",t=" + iterations + ",p="
                + parallelism + "$" + BASE64.encodeToString(salt) + "$" + BASE64.encodeToString(hash);
    }

    @Override
    protected boolean matchesNonNull(String rawPassword, String encodedPassword) {
        var stored = HASH.matcher(encodedPassword);
        if (!stored.matches()) {
            LOG.warn("Malformed Argon2 password hash");
            return false;
        }
        try {
            var builder = new Argon2Parameters.Builder(
                            switch (stored.group(1)) {
                                case "id" -> Argon2Parameters.ARGON2_id;
                                case "i" -> Argon2Parameters.ARGON2_i;
                                default -> Argon2Parameters.ARGON2_d;
                            })
                    .withMemoryAsKB(Integer.parseInt(stored.group(3)))
                    .withIterations(Integer.parseInt(stored.group(4)))
                    .withParallelism(Integer.parseInt(stored.group(5)))
                    .withSalt(Base64.getDecoder().decode(stored.group(6)));
            if (stored.group(2) != null) {
                builder.withVersion(Integer.parseInt(stored.group(2)));
            }
            var expected = Base64.getDecoder().decode(stored.group(7));
            return MessageDigest.isEqual(expected, hash(builder, rawPassword, expected.length));
        } catch (IllegalArgumentException | IllegalStateException e) {
            // a number out of range, Base64 of a wrong length, costs Bouncy Castle refuses (no lane, a hash too short)
            LOG.warn("Malformed Argon2 password hash: {}", e.getMessage());
            return false;
        }
    }

    /**
     * One hash, with a pool no other hash is using at the same time (one shared pool, whose every block is a
     * synchronised hand-over, cost a tenth to a quarter of the hashes a second on two cores), and the password's characters as
     * Spring's encoder passes them (Bouncy Castle turns them into UTF-8).
     */
    private byte[] hash(Argon2Parameters.Builder parameters, String rawPassword, int length) {
        var pool = pools.poll();
        if (pool == null) {
            pool = new Argon2BytesGenerator.FixedBlockPool(memoryKib);
        }
        try {
            var generator = new Argon2BytesGenerator();
            generator.init(parameters.withBlockPool(pool).build());
            var hash = new byte[length];
            generator.generateBytes(rawPassword.toCharArray(), hash);
            return hash;
        } finally {
            pools.offer(pool); // dropped when as many are kept as may run at once
        }
    }
}
