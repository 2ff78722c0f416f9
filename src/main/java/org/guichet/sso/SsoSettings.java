package org.guichet.sso;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Single sign-on settings, bound to {@code guichet.sso}.
 *
 * @param issuer the issuer identifier applications check ({@code https://guichet.ville.example}); empty: the address
 *     each request came to (through the configured proxies), fit for trying Guichet out on one address
 * @param keyEncryptionKey the AES key (base64 of 32 bytes) that encrypts the signing keys at rest
 * @param previousKeyEncryptionKeys former such keys, still read but never written
 * @param keyRotation how long a signing key signs before the next one takes over
 * @param keyPublication how long a new key is published before it signs, so that applications caching the key set
 *     know it in time
 * @param logoutAttempts how many times a back-channel logout is tried before it is given up (and journaled so)
 * @param logoutRetry the wait before the second attempt; it doubles at each attempt after
 * @param logoutTimeout how long an application has to answer a back-channel logout
 * @param sweepEvery how often sessions that ended without a word (idle timeout, a node's cleanup) are looked for
 */
@ConfigurationProperties("guichet.sso")
@Validated
public record SsoSettings(
        @DefaultValue("") String issuer,
        @NotBlank String keyEncryptionKey,
        @DefaultValue List<String> previousKeyEncryptionKeys,
        @DefaultValue("30d") Duration keyRotation,
        @DefaultValue("1h") Duration keyPublication,
        @DefaultValue("6") @Min(1) @Max(20) int logoutAttempts,
        @DefaultValue("30s") Duration logoutRetry,
        @DefaultValue("5s") Duration logoutTimeout,
        @DefaultValue("1m") Duration sweepEvery) {

    /** The longest any token Guichet signs may live: a retired key stays published this long. */
    public static final Duration LONGEST_TOKEN = Duration.ofHours(12);
}
