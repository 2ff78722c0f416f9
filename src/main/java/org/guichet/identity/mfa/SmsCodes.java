package org.guichet.identity.mfa;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.guichet.directory.AgentId;
import org.guichet.identity.IdentitySettings;
import org.guichet.identity.factor.CodeCheck;
import org.guichet.identity.reset.Masking;
import org.guichet.platform.MessageDelivery;
import org.guichet.platform.OutgoingMessage;
import org.guichet.platform.RateLimits;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Codes by SMS: 6 digits, valid 5 minutes, 5 tries, hashed at rest; at most 3 sent to an agent per 15 minutes,
 * whatever they are for. Only the last code sent for a purpose works.
 */
@Service
public class SmsCodes {

    /** What a code is for: it only serves that. */
    public enum Purpose {
        /** The second step of a sign-in, or a step-up. */
        SIGN_IN,
        /** Proving the agent holds a (new) mobile number. */
        VERIFY_NUMBER
    }

    public sealed interface Sending {
        /** Sent to the number shown masked. */
        record Sent(String maskedNumber, Duration validity) implements Sending {}

        /** Too many codes lately: the next may be sent at {@code retryAt}. */
        record TooMany(Instant retryAt) implements Sending {}
    }

    /**
     * The outcome of a typed code.
     *
     * @param number where the code was sent, when it was right
     * @param needsNewCode whether this code can no longer be tried (expired, used, or its last try spent)
     */
    public record Check(CodeCheck result, @Nullable String number, boolean needsNewCode) {}

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SmsCodeRepository codes;
    private final RateLimits rateLimits;
    private final PasswordEncoder encoder;
    private final MessageDelivery delivery;
    private final MessageSource messages;
    private final IdentitySettings.Sms settings;
    private final Clock clock;

    SmsCodes(
            SmsCodeRepository codes,
            RateLimits rateLimits,
            PasswordEncoder encoder,
            MessageDelivery delivery,
            MessageSource messages,
            IdentitySettings settings,
            Clock clock) {
        this.codes = codes;
        this.rateLimits = rateLimits;
        this.encoder = encoder;
        this.delivery = delivery;
        this.messages = messages;
        this.settings = settings.sms();
        this.clock = clock;
    }

    /** Sends a new code to this number (E.164), unless the agent had too many lately. */
    @Transactional
    public Sending send(AgentId agent, Purpose purpose, String number, Locale locale) {
        var limited = rateLimits.tryAcquire("sms:" + agent.soi(), settings.sendsPerWindow(), settings.sendWindow());
        if (limited.isPresent()) {
            return new Sending.TooMany(limited.get());
        }
        var now = clock.instant();
        var code = String.format("%06d", RANDOM.nextInt(1_000_000));
        codes.replace(
                UUID.randomUUID().toString(),
                agent.soi(),
                purpose.name(),
                number,
                encoder.encode(code),
                now,
                now.plus(settings.codeValidity()));
        var key = purpose == Purpose.SIGN_IN ? "identity.sms.signIn" : "identity.sms.verifyNumber";
        delivery.send(OutgoingMessage.sms(
                number,
                messages.getMessage(
                        key, new Object[] {code, settings.codeValidity().toMinutes()}, locale)));
        return new Sending.Sent(Masking.mobile(number), settings.codeValidity());
    }

    /** Where the live code of this purpose went, masked, if there is one. */
    public @Nullable String liveDestination(AgentId agent, Purpose purpose) {
        return codes.live(agent.soi(), purpose.name(), clock.instant())
                .map(code -> Masking.mobile(code.number()))
                .orElse(null);
    }

    /** Checks a typed code against the live one: a wrong one uses up a try, a right one serves once. */
    @Transactional
    public Check verify(AgentId agent, Purpose purpose, String typed) {
        var now = clock.instant();
        var live = codes.live(agent.soi(), purpose.name(), now).orElse(null);
        if (live == null || !codes.spendAttempt(live.id(), settings.codeAttempts(), now)) {
            return new Check(new CodeCheck.Spent(), null, true);
        }
        var code = typed.replaceAll("\\s", "");
        if (code.matches("\\d{6}") && encoder.matches(code, live.hash())) {
            return codes.use(live.id(), now)
                    ? new Check(new CodeCheck.Accepted(), live.number(), false)
                    : new Check(new CodeCheck.Spent(), null, true);
        }
        return new Check(new CodeCheck.Wrong(), null, live.attempts() + 1 >= settings.codeAttempts());
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT11M")
    @SchedulerLock(name = "sms-code-purge", lockAtLeastFor = "PT55M", lockAtMostFor = "PT59M")
    void purge() {
        codes.purge(clock.instant().minus(Duration.ofDays(1)));
    }
}
