package org.guichet.identity.factor.totp;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.LongPredicate;
import org.apache.commons.codec.binary.Base32;
import org.guichet.directory.AgentId;
import org.guichet.directory.AgentProfile;
import org.guichet.identity.FactorAdded;
import org.guichet.identity.FactorType;
import org.guichet.identity.IdentitySettings;
import org.guichet.identity.factor.CodeCheck;
import org.guichet.identity.factor.Factor;
import org.guichet.identity.factor.FactorProvider;
import org.guichet.network.ClientConnection;
import org.guichet.platform.SecretBox;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The authenticator-app factor (TOTP, RFC 6238): 30-second steps, 6 digits, SHA-1 by default, the step before and after
 * accepted, and each code accepted once (per app, whichever node checks it). A code that would be right for a phone
 * clock up to 10 minutes off is recognised, so that the agent can be told to fix the clock.
 */
@Service
public class TotpService implements FactorProvider {

    private static final String PREFIX = "totp-";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int KEY_BYTES = 20;

    private final TotpRepository credentials;
    private final SecretBox box;
    private final IdentitySettings.Totp settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    TotpService(TotpRepository credentials, IdentitySettings settings, ApplicationEventPublisher events, Clock clock) {
        this.credentials = credentials;
        this.box = box(settings.totp());
        this.settings = settings.totp();
        this.events = events;
        this.clock = clock;
    }

    /** The box that seals authenticator-app keys at rest, under {@code guichet.identity.totp.encryption-key}. */
    static SecretBox box(IdentitySettings.Totp settings) {
        return new SecretBox(
                "guichet.identity.totp.encryption-key, or the environment variable GUICHET_TOTP_KEY",
                settings.encryptionKey(),
                settings.previousKeys());
    }

    /** A new key, to be shown to the agent and confirmed by its first code. */
    public PendingTotp begin() {
        var key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return new PendingTotp(box.seal(key), settings.algorithm(), settings.digits(), (int)
                settings.period().toSeconds());
    }

    /** The key in base32 groups of four, for typing it into an app by hand: {@code JBSW Y3DP EHPK 3PXP}. */
    public String manualKey(PendingTotp pending) {
        var base32 = base32(box.open(pending.sealedSecret()));
        return String.join(" ", base32.split("(?<=\\G.{4})"));
    }

    /** The {@code otpauth://} URI the QR code carries. */
    public String uri(PendingTotp pending, AgentProfile agent) {
        var issuer = settings.issuer();
        var label = encode(issuer) + ":" + encode(agent.login());
        return "otpauth://totp/" + label + "?secret=" + base32(box.open(pending.sealedSecret())) + "&issuer="
                + encode(issuer) + "&algorithm=" + pending.algorithm() + "&digits=" + pending.digits() + "&period="
                + pending.periodSeconds();
    }

    /** Enrols the app if this is one of its current codes; the code then counts as used. */
    @Transactional
    public CodeCheck confirm(AgentProfile agent, PendingTotp pending, String code, String name) {
        var codes = new TotpCodes(
                box.open(pending.sealedSecret()),
                pending.algorithm(),
                pending.digits(),
                Duration.ofSeconds(pending.periodSeconds()));
        var now = clock.instant();
        return check(codes, code, now, step -> {
            credentials.insert(new TotpRepository.Credential(
                    UUID.randomUUID().toString(),
                    agent.id().soi(),
                    name,
                    pending.sealedSecret(),
                    pending.algorithm(),
                    pending.digits(),
                    pending.periodSeconds(),
                    step,
                    now,
                    now));
            events.publishEvent(new FactorAdded(agent.id(), FactorType.TOTP, name, now));
            return true;
        });
    }

    /**
     * Enrols an app whose key already exists (base32: the demo's, or one migrated from another system), with the
     * default algorithm, length and step; does nothing when the agent has an app already.
     */
    @Transactional
    public boolean importKey(AgentId agent, String base32Key, String name) {
        if (!credentials.findBySoi(agent.soi()).isEmpty()) {
            return false;
        }
        var now = clock.instant();
        credentials.insert(new TotpRepository.Credential(
                UUID.randomUUID().toString(),
                agent.soi(),
                name,
                box.seal(decodeBase32(base32Key)),
                settings.algorithm(),
                settings.digits(),
                (int) settings.period().toSeconds(),
                null,
                now,
                null));
        return true;
    }

    /** Checks a code against each of the agent's apps; a right one is used up. */
    @Transactional
    public CodeCheck verify(AgentId agent, String code) {
        var now = clock.instant();
        CodeCheck result = new CodeCheck.Wrong();
        for (var credential : credentials.findBySoi(agent.soi())) {
            var check = check(codes(credential), code, now, step -> credentials.accept(credential.id(), step, now));
            if (check instanceof CodeCheck.Accepted || check instanceof CodeCheck.Replayed) {
                return check;
            }
            if (check instanceof CodeCheck.ClockDrift) {
                result = check;
            }
        }
        return result;
    }

    @Override
    public FactorType type() {
        return FactorType.TOTP;
    }

    @Override
    public List<Factor> list(AgentProfile agent) {
        return credentials.findBySoi(agent.id().soi()).stream()
                .map(credential -> new Factor(
                        PREFIX + credential.id(),
                        FactorType.TOTP,
                        credential.name(),
                        credential.createdAt(),
                        credential.lastUsedAt(),
                        null,
                        true))
                .toList();
    }

    @Override
    public void rename(AgentProfile agent, Factor factor, String name) {
        credentials.rename(agent.id().soi(), factor.id().substring(PREFIX.length()), name);
    }

    @Override
    public void remove(AgentProfile agent, Factor factor) {
        credentials.delete(agent.id().soi(), factor.id().substring(PREFIX.length()));
    }

    @Override
    public Verification verify(AgentProfile agent, String code, ClientConnection connection) {
        return Verification.of(verify(agent.id(), code));
    }

    private TotpCodes codes(TotpRepository.Credential credential) {
        return new TotpCodes(
                box.open(credential.sealedSecret()),
                credential.algorithm(),
                credential.digits(),
                Duration.ofSeconds(credential.period()));
    }

    /**
     * Checks a typed code: when right within the accepted window, {@code use} records its time step and tells whether
     * it was still unused.
     */
    private CodeCheck check(TotpCodes codes, String typed, Instant now, LongPredicate use) {
        var code = typed.replaceAll("\\s", "");
        if (!code.matches("\\d{" + codes.digits() + "}")) {
            return new CodeCheck.Wrong();
        }
        var driftSteps = (int) Math.max(
                settings.window(),
                settings.driftDetection().toSeconds() / codes.period().toSeconds());
        var step = codes.find(code, now, driftSteps);
        if (step.isEmpty()) {
            return new CodeCheck.Wrong();
        }
        var offset = step.getAsLong() - codes.step(now);
        if (Math.abs(offset) <= settings.window()) {
            return use.test(step.getAsLong()) ? new CodeCheck.Accepted() : new CodeCheck.Replayed();
        }
        return new CodeCheck.ClockDrift(Math.round(offset * codes.period().toSeconds() / 60.0));
    }

    private static String base32(byte[] key) {
        return new Base32().encodeAsString(key).replace("=", "");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Reads a base32 key (the demo's, an imported one). */
    static byte[] decodeBase32(String key) {
        return new Base32().decode(key.replace(" ", "").toUpperCase(java.util.Locale.ROOT));
    }
}
