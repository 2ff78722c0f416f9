package org.guichet.identity.factor.totp;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;
import javax.crypto.spec.SecretKeySpec;

/**
 * The codes of one authenticator-app key (RFC 6238, computed by java-otp), and where in time a typed code belongs.
 *
 * @param key the shared key
 * @param algorithm {@code SHA1}, {@code SHA256} or {@code SHA512}
 * @param digits code length
 * @param period time step
 */
record TotpCodes(byte[] key, String algorithm, int digits, Duration period) {

    /** The time step of this instant: how many periods since the epoch. */
    long step(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), period.toSeconds());
    }

    /** The code of this time step. */
    String code(long step) {
        var generator = new TimeBasedOneTimePasswordGenerator(period, digits, "Hmac" + algorithm);
        try {
            return generator.generateOneTimePasswordString(
                    new SecretKeySpec(key, "Hmac" + algorithm),
                    Instant.ofEpochSecond(step * period.toSeconds()),
                    Locale.ROOT);
        } catch (InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The time step, within {@code steps} either side of now's, whose code is the one typed, nearest first; empty when
     * none. Codes are compared in constant time.
     */
    OptionalLong find(String typed, Instant now, int steps) {
        var current = step(now);
        var given = typed.getBytes(StandardCharsets.US_ASCII);
        for (int distance = 0; distance <= steps; distance++) {
            for (var step :
                    distance == 0 ? new long[] {current} : new long[] {current - distance, current + distance}) {
                if (MessageDigest.isEqual(code(step).getBytes(StandardCharsets.US_ASCII), given)) {
                    return OptionalLong.of(step);
                }
            }
        }
        return OptionalLong.empty();
    }
}
