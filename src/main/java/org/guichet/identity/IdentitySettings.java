package org.guichet.identity;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.guichet.directory.Role;
import org.guichet.network.Channel;
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
 * @param mfa when a second factor is required, and how long it counts for a step-up
 * @param totp authenticator apps
 * @param sms codes by SMS
 * @param passkeys passkeys (WebAuthn)
 * @param enrolment enrolment codes handed out by the helpdesk
 */
@ConfigurationProperties("guichet.identity")
@Validated
public record IdentitySettings(
        @DefaultValue @Valid Argon2 argon2,
        @DefaultValue @Valid Password password,
        @DefaultValue @Valid Lockout lockout,
        @DefaultValue @Valid Reset reset,
        @DefaultValue @Valid Mfa mfa,
        @DefaultValue @Valid Totp totp,
        @DefaultValue @Valid Sms sms,
        @DefaultValue @Valid Passkeys passkeys,
        @DefaultValue @Valid Enrolment enrolment) {

    /** The live setting of the lockout rules (an {@link Lockout}). */
    public static final String LIVE_LOCKOUT = "identity.lockout";

    /** The live setting of who needs a second factor (an {@link Mfa}). */
    public static final String LIVE_MFA = "identity.mfa";

    /**
     * Argon2id parameters; the defaults are OWASP's minimum: 19 MiB of memory, 2 passes, 1 lane.
     *
     * @param concurrency how many hashes are computed at once on this node (0: one per processor); the others wait
     *     their turn in order. Eight 19 MiB hashes sharing two cores evict each other's memory from the caches and
     *     together compute about a third fewer a second than two at a time (bench/README.md). Each one keeps its hash's
     *     memory in the heap for the next hash ({@code memoryKib}, 19 MiB by default)
     */
    public record Argon2(
            @DefaultValue("19456") @Min(19456) @Max(1048576) int memoryKib,
            @DefaultValue("2") @Min(2) @Max(10) int iterations,
            @DefaultValue("1") @Min(1) @Max(8) int parallelism,
            @DefaultValue("0") @Min(0) @Max(1024) int concurrency) {

        /** How many hashes at once: the setting, or the processors this node may use. */
        public int permits() {
            return concurrency > 0 ? concurrency : Runtime.getRuntime().availableProcessors();
        }
    }

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

    /**
     * @param channelsWithoutMfa the channels where a password is enough for an ordinary agent
     * @param alwaysForSensitive whether agents with a sensitive profile need a second factor on every channel
     * @param alwaysForRoles the roles that need a second factor on every channel
     * @param stepUpWindow how recent a factor must be to change factors, the mobile number or other sensitive data
     * @param codeFailures wrong codes in a row before the second step is locked (like a password lockout)
     */
    public record Mfa(
            @DefaultValue("INTERNAL") Set<Channel> channelsWithoutMfa,
            @DefaultValue("true") boolean alwaysForSensitive,

            @DefaultValue({"HR", "SUPPORT", "SECURITY", "ADMIN"})
            Set<Role> alwaysForRoles,

            @DefaultValue("5m") Duration stepUpWindow,
            @DefaultValue("5") @Min(1) int codeFailures) {}

    /**
     * @param issuer the name authenticator apps show next to the account
     * @param encryptionKey the AES key (base64 of 32 bytes) that encrypts the apps' keys at rest
     * @param previousKeys former encryption keys, still read but never written
     * @param algorithm HMAC algorithm of new enrolments: SHA1 (what every app supports), SHA256 or SHA512
     * @param digits code length
     * @param period time step
     * @param window steps accepted either side of the current one
     * @param driftDetection how far off a phone's clock may be for Guichet to recognise a code and explain
     */
    public record Totp(
            @DefaultValue("Guichet") @NotBlank String issuer,
            @NotBlank String encryptionKey,
            @DefaultValue List<String> previousKeys,

            @DefaultValue("SHA1") @Pattern(regexp = "SHA1|SHA256|SHA512")
            String algorithm,

            @DefaultValue("6") @Min(6) @Max(8) int digits,
            @DefaultValue("30s") Duration period,
            @DefaultValue("1") @Min(0) @Max(3) int window,
            @DefaultValue("10m") Duration driftDetection) {}

    /**
     * @param codeValidity how long a code sent by SMS may be used
     * @param codeAttempts wrong tries before a code is spent
     * @param sendsPerWindow codes sent to one agent within {@code sendWindow}
     */
    public record Sms(
            @DefaultValue("5m") Duration codeValidity,
            @DefaultValue("5") @Min(1) int codeAttempts,
            @DefaultValue("3") @Min(1) int sendsPerWindow,
            @DefaultValue("15m") Duration sendWindow) {}

    /**
     * @param origins the addresses agents reach Guichet at (scheme, host and port), as browsers report them
     * @param relyingPartyId the domain passkeys are bound to; by default the host of the first origin
     * @param relyingPartyName the name shown by the browser when creating a passkey
     */
    public record Passkeys(
            @NotEmpty
            List<
                            @Pattern(
                                    regexp = "https?://[^/\\s${}]+",
                                    message =
                                            "must be the address agents reach Guichet at, such as https://guichet.ville.example"
                                                    + " (GUICHET_PUBLIC_URL)")
                            String>
                    origins,

            @DefaultValue("") String relyingPartyId,
            @DefaultValue("Guichet") String relyingPartyName) {

        /** The configured domain, else the host of the first origin. */
        public String relyingParty() {
            return relyingPartyId.isBlank()
                    ? java.net.URI.create(origins.getFirst()).getHost()
                    : relyingPartyId;
        }
    }

    /**
     * @param codeValidity how long an enrolment code from the helpdesk may be used
     * @param channelsWithoutCode where an agent without a factor may enrol one without an enrolment code
     */
    public record Enrolment(
            @DefaultValue("24h") Duration codeValidity,
            @DefaultValue("INTERNAL") Set<Channel> channelsWithoutCode) {}
}
