package org.guichet.identity;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Identity settings, bound to {@code guichet.identity}.
 *
 * @param argon2 the cost of new password hashes; raising it upgrades each stored hash at its owner's next sign-in
 * @param password the password policy
 * @param lockout how failed sign-ins slow down guessing
 * @param reset the self-service reset and unlock
 */
@ConfigurationProperties("guichet.identity")
@Validated
public record IdentitySettings(
        @DefaultValue @Valid Argon2 argon2,
        @DefaultValue @Valid Password password,
        @DefaultValue @Valid Lockout lockout,
        @DefaultValue @Valid Reset reset) {

    /** Argon2id parameters; the defaults are OWASP's minimum: 19 MiB of memory, 2 passes, 1 lane. */
    public record Argon2(
            @DefaultValue("19456") @Min(19456) @Max(1048576) int memoryKib,
            @DefaultValue("2") @Min(2) @Max(10) int iterations,
            @DefaultValue("1") @Min(1) @Max(8) int parallelism) {}

    /**
     * @param minLength shortest password accepted
     * @param maxLength longest password accepted (never truncated)
     * @param minimumEntropy the strength estimator's minimum, in bits
     * @param history how many of the latest passwords (the current one included) may not be chosen again
     * @param privilegedMaxAge how long a password lasts for SUPPORT, SECURITY and ADMIN agents; others never expire
     * @param expiryWarning how long before expiry the agent is warned
     */
    public record Password(
            @DefaultValue("12") @Min(8) @Max(64) int minLength,
            @DefaultValue("128") @Min(64) @Max(1024) int maxLength,
            @DefaultValue("45") @Min(20) @Max(120) double minimumEntropy,
            @DefaultValue("5") @Min(1) @Max(24) int history,
            @DefaultValue("365d") Duration privilegedMaxAge,
            @DefaultValue("14d") Duration expiryWarning) {}

    /**
     * @param threshold consecutive failures on one identifier before it is locked
     * @param firstLock the first lock; each further failure doubles it
     * @param longestLock the longest lock
     * @param forgetAfter failures older than this are forgotten
     * @param failuresPerAddress failures one client address may make in a minute, across all identifiers
     * @param trustedDeviceLifetime how long a browser where the agent signed in stays trusted
     */
    public record Lockout(
            @DefaultValue("5") @Min(1) int threshold,
            @DefaultValue("1m") Duration firstLock,
            @DefaultValue("30m") Duration longestLock,
            @DefaultValue("24h") Duration forgetAfter,
            @DefaultValue("30") @Min(1) int failuresPerAddress,
            @DefaultValue("180d") Duration trustedDeviceLifetime) {}

    /**
     * @param codeValidity how long a reset code may be used
     * @param codeAttempts wrong codes allowed before the code is spent
     * @param sendsPerWindow codes sent for one identifier within {@code sendWindow}
     */
    public record Reset(
            @DefaultValue("10m") Duration codeValidity,
            @DefaultValue("5") @Min(1) int codeAttempts,
            @DefaultValue("3") @Min(1) int sendsPerWindow,
            @DefaultValue("15m") Duration sendWindow) {}
}
