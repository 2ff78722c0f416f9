package org.guichet.testing;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.security.InvalidKeyException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;

/** What an authenticator app shows: RFC 6238 codes (SHA-1, 6 digits, 30 s) of a base32 key, at a given instant. */
public final class Totp {

    /** The key of the demo accounts marked TOTP. */
    public static final String DEMO_KEY = "JBSWY3DPEHPK3PXP";

    private Totp() {}

    public static String code(String base32Key, Instant at) {
        var generator = new TimeBasedOneTimePasswordGenerator(Duration.ofSeconds(30), 6, "HmacSHA1");
        var key = new SecretKeySpec(new Base32().decode(base32Key.replace(" ", "")), "HmacSHA1");
        try {
            return generator.generateOneTimePasswordString(key, at, Locale.ROOT);
        } catch (InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The demo key's code at this instant. */
    public static String demo(Instant at) {
        return code(DEMO_KEY, at);
    }
}
