package org.guichet.identity.reset;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.guichet.directory.AgentId;
import org.guichet.directory.AgentProfile;
import org.guichet.directory.DirectoryManagement;
import org.guichet.directory.DirectorySettings;
import org.guichet.identity.FactorType;
import org.guichet.identity.IdentitySettings;
import org.guichet.identity.PasswordChangeReason;
import org.guichet.identity.PasswordResetCompleted;
import org.guichet.identity.PasswordResetRequested;
import org.guichet.identity.factor.Factors;
import org.guichet.identity.mfa.SecondStep;
import org.guichet.identity.password.PasswordService;
import org.guichet.identity.password.VerifiedMobiles;
import org.guichet.identity.signin.Lockout;
import org.guichet.network.ClientConnection;
import org.guichet.platform.DeliveryChannel;
import org.guichet.platform.MessageDelivery;
import org.guichet.platform.OutgoingMessage;
import org.guichet.platform.RateLimits;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.function.SingletonSupplier;

/**
 * The self-service reset, which also unlocks: identifier, then a one-time code (8 digits, 10 minutes, 5 tries,
 * hashed at rest) sent to the verified mobile or the e-mail address, then the agent's second factor if they have one
 * (a reset never bypasses it), then a new password. Every answer is the same whether the identifier names an agent or
 * not; for one that names nobody, nothing is sent and no code is right.
 */
@Service
public class ResetService {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration VERIFIED_FOR = Duration.ofMinutes(15);

    private final DirectoryManagement directory;
    private final VerifiedMobiles mobiles;
    private final ResetCodeRepository codes;
    private final RateLimits rateLimits;
    private final Factors factors;
    private final SecondStep secondStep;
    private final PasswordService passwords;
    private final Lockout lockout;
    private final PasswordEncoder encoder;
    private final MessageDelivery delivery;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;
    private final IdentitySettings.Reset settings;
    private final String emailDomain;
    private final Clock clock;
    private final SingletonSupplier<String> standInHash;

    ResetService(
            DirectoryManagement directory,
            VerifiedMobiles mobiles,
            ResetCodeRepository codes,
            RateLimits rateLimits,
            Factors factors,
            SecondStep secondStep,
            PasswordService passwords,
            Lockout lockout,
            PasswordEncoder encoder,
            MessageDelivery delivery,
            MessageSource messages,
            ApplicationEventPublisher events,
            IdentitySettings settings,
            DirectorySettings directorySettings,
            Clock clock) {
        this.directory = directory;
        this.mobiles = mobiles;
        this.codes = codes;
        this.rateLimits = rateLimits;
        this.factors = factors;
        this.secondStep = secondStep;
        this.passwords = passwords;
        this.lockout = lockout;
        this.encoder = encoder;
        this.delivery = delivery;
        this.messages = messages;
        this.events = events;
        this.settings = settings.reset();
        this.emailDomain = directorySettings.emailDomain();
        this.clock = clock;
        // hashed at the first stand-in check, not at start-up (an Argon2id hash before the JIT is a third of a second)
        this.standInHash = SingletonSupplier.of(() -> encoder.encode(newCode()));
    }

    /** Starts the flow for what was typed; where codes may go is shown masked, real or stand-in alike. */
    public ResetState start(String identifier) {
        var agent = directory.findByIdentifier(identifier);
        if (agent.isEmpty()) {
            var mobile = Masking.fakeHasMobile(identifier) ? Masking.mobile(Masking.fakeMobile(identifier)) : null;
            return new ResetState(identifier, null, Masking.fakeEmail(identifier, emailDomain), mobile);
        }
        var profile = agent.get();
        var mobile = mobiles.of(profile).map(Masking::mobile).orElse(null);
        return new ResetState(identifier, profile.id().soi(), Masking.email(profile.email()), mobile);
    }

    public sealed interface SendOutcome {
        record Sent() implements SendOutcome {}

        record TooMany(Instant retryAt) implements SendOutcome {}
    }

    /** Sends a fresh code, unless too many were asked for this identifier lately. */
    @Transactional
    public SendOutcome send(ResetState state, DeliveryChannel channel, ClientConnection connection, Locale locale) {
        var now = clock.instant();
        var limited = rateLimits.tryAcquire(
                "reset:" + Lockout.identifierKey(state.identifier()), settings.sendsPerWindow(), settings.sendWindow());
        if (limited.isPresent()) {
            return new SendOutcome.TooMany(limited.get());
        }
        var chosen = channel == DeliveryChannel.SMS && state.mobileShown() != null ? channel : DeliveryChannel.EMAIL;
        var agent = agent(state);
        String codeId = null;
        if (agent != null) {
            var code = newCode();
            codeId = UUID.randomUUID().toString();
            codes.replace(
                    codeId,
                    agent.id().soi(),
                    encoder.encode(code),
                    chosen.name(),
                    now,
                    now.plus(settings.codeValidity()));
            delivery.send(message(agent, chosen, code, locale));
        } else {
            encoder.encode(newCode());
        }
        state.codeSent(chosen, codeId);
        events.publishEvent(new PasswordResetRequested(agent == null ? null : agent.id(), chosen, connection, now));
        return new SendOutcome.Sent();
    }

    public enum Verification {
        VERIFIED,
        WRONG,
        SPENT
    }

    /** Checks a code; a wrong one uses up one of its tries, and a right one serves once. */
    @Transactional
    public Verification verify(ResetState state, String code) {
        var now = clock.instant();
        var codeId = state.codeId();
        if (codeId == null) {
            encoder.matches(code, standInHash.obtain());
            return state.countStandInAttempt() >= settings.codeAttempts() ? Verification.SPENT : Verification.WRONG;
        }
        if (!codes.spendAttempt(codeId, settings.codeAttempts(), now)) {
            return Verification.SPENT;
        }
        var stored = codes.find(codeId).orElseThrow();
        if (encoder.matches(code.strip(), stored.hash()) && codes.use(codeId, now)) {
            var agent = agent(state);
            state.verified(now, agent != null && factors.hasSecondFactor(agent));
            return Verification.VERIFIED;
        }
        return stored.attempts() >= settings.codeAttempts() ? Verification.SPENT : Verification.WRONG;
    }

    /** Whether the code was verified recently enough, and the second factor given if owed, to choose a password. */
    public boolean mayChoosePassword(ResetState state) {
        return verifiedRecently(state) && !state.awaitingSecondFactor();
    }

    /** Whether the code was verified recently enough to go on. */
    public boolean verifiedRecently(ResetState state) {
        var verifiedAt = state.verifiedAt();
        return state.stage() == ResetState.Stage.VERIFIED
                && state.soi() != null
                && verifiedAt != null
                && clock.instant().isBefore(verifiedAt.plus(VERIFIED_FOR));
    }

    /**
     * The agent's second factors that work here, where nobody is signed in: one-time codes (authenticator app, SMS,
     * recovery code); passkeys need a signed-in session, so an agent with only a passkey uses a recovery code.
     */
    public List<FactorType> secondFactorMethods(ResetState state) {
        var agent = agent(state);
        if (agent == null) {
            return List.of();
        }
        return factors.usable(agent).stream()
                .filter(type -> type != FactorType.PASSKEY)
                .toList();
    }

    /** Checks the agent's second factor, as at sign-in (wrong codes count towards the same lock). */
    @Transactional
    public SecondStep.Outcome verifySecondFactor(
            ResetState state, FactorType type, String code, ClientConnection connection) {
        var agent = agent(state);
        if (!verifiedRecently(state)
                || agent == null
                || !secondFactorMethods(state).contains(type)) {
            throw new IllegalStateException("No second factor is awaited");
        }
        var outcome = secondStep.verify(agent, type, code, connection);
        if (outcome instanceof SecondStep.Outcome.Verified) {
            state.secondFactorPassed();
        }
        return outcome;
    }

    /** The agent whose password is being reset, for the policy's personal checks; null for a stand-in. */
    public @Nullable AgentProfile agent(ResetState state) {
        return state.soi() == null
                ? null
                : directory.findById(AgentId.of(state.soi())).orElse(null);
    }

    /**
     * Sets the new password (which closes every session of the agent) and lifts any lock on their identifiers.
     *
     * @throws org.guichet.identity.PasswordRejectedException when the policy refuses it
     */
    @Transactional
    public void complete(ResetState state, String password, ClientConnection connection, Locale locale) {
        if (!mayChoosePassword(state)) {
            throw new IllegalStateException("The reset code was not verified");
        }
        var agent = directory.findById(AgentId.of(state.soi())).orElseThrow();
        passwords.change(agent, password, PasswordChangeReason.RESET, null, locale);
        lockout.unlock(agent, agent.id(), null);
        events.publishEvent(new PasswordResetCompleted(agent.id(), connection, clock.instant()));
    }

    private OutgoingMessage message(AgentProfile agent, DeliveryChannel channel, String code, Locale locale) {
        var minutes = settings.codeValidity().toMinutes();
        if (channel == DeliveryChannel.SMS) {
            var text = messages.getMessage("identity.reset.sms", new Object[] {code, minutes}, locale);
            return OutgoingMessage.sms(agent.mobile(), text);
        }
        var subject = messages.getMessage("identity.reset.email.subject", null, Locale.FRENCH);
        var body = messages.getMessage(
                        "identity.reset.email.body", new Object[] {agent.firstName(), code, minutes}, Locale.FRENCH)
                + "\n\n----\n\n"
                + messages.getMessage(
                        "identity.reset.email.body", new Object[] {agent.firstName(), code, minutes}, Locale.ENGLISH);
        return OutgoingMessage.email(agent.email(), subject, body);
    }

    private static String newCode() {
        return String.format("%08d", RANDOM.nextInt(100_000_000));
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT7M")
    @SchedulerLock(name = "reset-purge", lockAtLeastFor = "PT55M", lockAtMostFor = "PT59M")
    void purge() {
        codes.purge(clock.instant().minus(Duration.ofDays(1)));
    }
}
