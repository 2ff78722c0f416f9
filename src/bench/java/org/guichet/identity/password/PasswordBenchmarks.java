package org.guichet.identity.password;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.guichet.identity.TestSettings;
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
 * The cost of the password work Guichet does: one Argon2id hash at the default parameters (what every sign-in pays
 * once), and one policy check (what each keystroke of the strength meter pays).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class PasswordBenchmarks {

    private static final String PASSWORD = "Guichet-demo-2026";

    private PasswordEncoder encoder;
    private PasswordPolicy policy;
    private String hash;

    @Setup
    public void setUp() {
        var settings = TestSettings.defaults();
        encoder = new PasswordHashing().passwordEncoder(settings);
        policy = new PasswordPolicy(settings);
        hash = encoder.encode(PASSWORD);
    }

    /** Hashing a new password. */
    @Benchmark
    public String argon2idHash() {
        return encoder.encode(PASSWORD);
    }

    /** Checking a password at sign-in: one Argon2id computation too. */
    @Benchmark
    public boolean argon2idVerify() {
        return encoder.matches(PASSWORD, hash);
    }

    /** What the strength meter costs the server for one candidate. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Object policyCheck() {
        return policy.check("Lundi matin, la voirie chante", null, Locale.FRENCH);
    }
}
