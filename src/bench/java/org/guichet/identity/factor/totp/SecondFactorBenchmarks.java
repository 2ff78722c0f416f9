package org.guichet.identity.factor.totp;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.guichet.identity.TestSettings;
import org.guichet.identity.mfa.OneTimeSecrets;
import org.guichet.platform.SecretBox;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The CPU the second step costs, without the database: opening an authenticator-app key (AES-GCM), checking a right
 * code (one HMAC), checking a wrong one (the ±10-minute drift search: 41 HMACs), and checking a recovery code against
 * ten Argon2id hashes (the worst case: a wrong code).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class SecondFactorBenchmarks {

    private SecretBox box;
    private String sealed;
    private TotpCodes codes;
    private Instant now;
    private String rightCode;
    private PasswordEncoder encoder;
    private String[] recoveryHashes;

    @Setup
    public void setUp() {
        var settings = TestSettings.defaults();
        box = TotpService.box(settings.totp());
        var key = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
        sealed = box.seal(key);
        codes = new TotpCodes(key, "SHA1", 6, Duration.ofSeconds(30));
        now = Instant.parse("2026-11-22T10:00:00Z");
        rightCode = codes.code(codes.step(now));
        encoder = new org.guichet.identity.password.PasswordHashingAccess().encoder(settings);
        recoveryHashes = new String[10];
        for (int i = 0; i < recoveryHashes.length; i++) {
            recoveryHashes[i] = encoder.encode(OneTimeSecrets.normalize(OneTimeSecrets.generate(2, 5)));
        }
    }

    @Benchmark
    public byte[] openKey() {
        return box.open(sealed);
    }

    @Benchmark
    public Object rightTotpCode() {
        return codes.find(rightCode, now, 20);
    }

    @Benchmark
    public Object wrongTotpCodeWithDriftSearch() {
        return codes.find("000000", now, 20);
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public boolean wrongRecoveryCodeAgainstTen() {
        var matched = false;
        for (var hash : recoveryHashes) {
            matched |= encoder.matches("ABCDEFGHJK", hash);
        }
        return matched;
    }
}
