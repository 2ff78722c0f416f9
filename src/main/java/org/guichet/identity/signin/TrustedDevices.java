package org.guichet.identity.signin;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.guichet.directory.AgentProfile;
import org.guichet.identity.IdentitySettings;
import org.guichet.platform.Secrets;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Browsers where an agent signed in successfully get a signed token (kept in an {@code HttpOnly} cookie) naming the
 * agent, a random id and an expiry. Failures from such a browser are counted apart, so that nobody can lock an agent
 * out of the browser they use (OWASP's "device cookies"). The token grants nothing else: the password is always
 * checked.
 */
@Component
public class TrustedDevices {

    private static final String KEY_NAME = "trusted-device-hmac";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final Secrets secrets;
    private final IdentitySettings.Lockout settings;
    private final Clock clock;

    TrustedDevices(Secrets secrets, IdentitySettings settings, Clock clock) {
        this.secrets = secrets;
        this.settings = settings.lockout();
        this.clock = clock;
    }

    /** A token for a browser where this agent just signed in. */
    public String issue(String soi) {
        var nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        var expiry = clock.instant().plus(settings.trustedDeviceLifetime()).getEpochSecond();
        var payload = soi + "." + HexFormat.of().formatHex(nonce) + "." + expiry;
        return ENCODER.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "."
                + ENCODER.encodeToString(sign(payload));
    }

    /** How long the browser should keep the token. */
    public java.time.Duration lifetime() {
        return settings.trustedDeviceLifetime();
    }

    /** The token's own id, when it is genuine, unexpired and issued for this agent. */
    Optional<String> verify(@Nullable String token, @Nullable AgentProfile agent) {
        if (token == null || agent == null || token.length() > 512) {
            return Optional.empty();
        }
        try {
            var parts = token.split("\\.");
            if (parts.length != 2) {
                return Optional.empty();
            }
            var payload = new String(DECODER.decode(parts[0]), StandardCharsets.UTF_8);
            if (!MessageDigest.isEqual(sign(payload), DECODER.decode(parts[1]))) {
                return Optional.empty();
            }
            var fields = payload.split("\\.");
            var expired = Long.parseLong(fields[2]) < clock.instant().getEpochSecond();
            return fields[0].equals(agent.id().soi()) && !expired ? Optional.of(fields[1]) : Optional.empty();
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    private byte[] sign(String payload) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secrets.key(KEY_NAME), "HmacSHA256"));
            return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
