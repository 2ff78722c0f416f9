package org.guichet.sso.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Client secrets as the authorization server checks them: with the password encoder (Argon2id: about 40 ms of CPU and
 * 19 MB of memory each), once, then remembered for a few minutes. The mail server authenticates at Guichet's
 * introspection endpoint at every IMAP and SMTP sign-in, an application at every code exchange and refresh: without
 * this, each of them would cost a full Argon2id verification. What is remembered is a digest of the secret and of its
 * stored hash together: a secret changed in the database (a new hash) or a wrong one is verified afresh; nothing that
 * would give a secret away is kept.
 */
final class VerifiedClientSecrets implements PasswordEncoder {

    /** How many pairs are remembered at most (the least recently used goes first). */
    private static final int MOST = 1_000;

    private final PasswordEncoder encoder;
    private final Duration remembered;
    private final Clock clock;
    private final Map<String, Instant> verified = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
            return size() > MOST;
        }
    };

    VerifiedClientSecrets(PasswordEncoder encoder, Duration remembered, Clock clock) {
        this.encoder = encoder;
        this.remembered = remembered;
        this.clock = clock;
    }

    @Override
    public @Nullable String encode(@Nullable CharSequence rawPassword) {
        return encoder.encode(rawPassword);
    }

    @Override
    public boolean matches(@Nullable CharSequence rawPassword, @Nullable String encodedPassword) {
        if (rawPassword == null || encodedPassword == null) {
            return encoder.matches(rawPassword, encodedPassword);
        }
        var key = digest(rawPassword, encodedPassword);
        var now = clock.instant();
        synchronized (verified) {
            var until = verified.get(key);
            if (until != null && until.isAfter(now)) {
                return true;
            }
        }
        if (!encoder.matches(rawPassword, encodedPassword)) {
            return false;
        }
        synchronized (verified) {
            verified.put(key, now.plus(remembered));
        }
        return true;
    }

    @Override
    public boolean upgradeEncoding(@Nullable String encodedPassword) {
        return encoder.upgradeEncoding(encodedPassword);
    }

    private static String digest(CharSequence raw, String encoded) {
        try {
            var sha = MessageDigest.getInstance("SHA-256");
            sha.update(raw.toString().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(encoded.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
