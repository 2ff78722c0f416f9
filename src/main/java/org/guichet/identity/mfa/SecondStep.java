package org.guichet.identity.mfa;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.guichet.directory.AgentId;
import org.guichet.directory.AgentProfile;
import org.guichet.identity.FactorType;
import org.guichet.identity.IdentitySettings;
import org.guichet.identity.SecondFactorVerified;
import org.guichet.identity.factor.CodeCheck;
import org.guichet.identity.factor.Factors;
import org.guichet.identity.signin.Lockout;
import org.guichet.network.ClientConnection;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The second step of a sign-in (and of a step-up) with a one-time code: authenticator app, SMS or recovery code, in
 * the form field {@code code}. Wrong codes count towards the agent's second-step lock; a code recognised for a
 * drifted phone clock is explained; a replayed code is refused without counting.
 */
@Service
public class SecondStep {

    /** What became of a code. */
    public sealed interface Outcome {

        /** Right: the session may be given the factor. */
        record Verified(FactorType type, @Nullable Integer recoveryCodesLeft) implements Outcome {}

        /**
         * Refused.
         *
         * @param reason wrong, clock drift, replayed, or no live code (SMS)
         * @param triesLeft after a wrong code, how many more the agent may make before codes are locked
         * @param needsNewCode whether an SMS code must be sent again
         */
        record Refused(CodeCheck reason, @Nullable Integer triesLeft, boolean needsNewCode) implements Outcome {}

        /** Too many wrong codes: one-time codes are refused until then. */
        record Locked(Instant until) implements Outcome {}
    }

    private final Factors factors;
    private final EnrolmentCodes enrolment;
    private final Lockout lockout;
    private final ApplicationEventPublisher events;
    private final int codeFailures;
    private final Clock clock;

    SecondStep(
            Factors factors,
            EnrolmentCodes enrolment,
            Lockout lockout,
            ApplicationEventPublisher events,
            IdentitySettings settings,
            Clock clock) {
        this.factors = factors;
        this.enrolment = enrolment;
        this.lockout = lockout;
        this.events = events;
        this.codeFailures = settings.mfa().codeFailures();
        this.clock = clock;
    }

    /** Until when the agent's one-time codes are locked, if they are. */
    public @Nullable Instant lockedUntil(AgentId agent) {
        return lockout.lockedUntil(Lockout.secondStepKey(agent)).orElse(null);
    }

    /** Checks a code of this kind typed by the agent. */
    @Transactional
    public Outcome verify(AgentProfile agent, FactorType type, String code, ClientConnection connection) {
        var id = agent.id();
        var locked = lockedUntil(id);
        if (locked != null) {
            return new Outcome.Locked(locked);
        }
        var verification = factors.provider(type).verify(agent, code, connection);
        var needsNewCode = verification.needsNewCode();
        return switch (verification.check()) {
            case CodeCheck.Accepted accepted -> {
                verified(id, type, connection);
                yield new Outcome.Verified(type, verification.codesLeft());
            }
            case CodeCheck.Wrong wrong -> failed(id, type, wrong, null, needsNewCode, connection);
            case CodeCheck.ClockDrift drift -> failed(id, type, drift, drift.minutes(), needsNewCode, connection);
            case CodeCheck.Replayed replayed -> new Outcome.Refused(replayed, null, needsNewCode);
            case CodeCheck.Spent spent -> new Outcome.Refused(spent, null, true);
        };
    }

    /** Checks an enrolment code from the helpdesk; wrong ones count like wrong sign-in codes. */
    @Transactional
    public Outcome redeemEnrolmentCode(AgentProfile agent, String code, ClientConnection connection) {
        var id = agent.id();
        var locked = lockedUntil(id);
        if (locked != null) {
            return new Outcome.Locked(locked);
        }
        if (enrolment.redeem(id, code, connection)) {
            lockout.recordSuccess(List.of(Lockout.secondStepKey(id)));
            return new Outcome.Verified(FactorType.RECOVERY_CODE, null);
        }
        return failed(id, null, new CodeCheck.Wrong(), null, false, connection);
    }

    /** Records a second factor proved otherwise (a passkey): forgets wrong codes, announces it. */
    @Transactional
    public void verified(AgentId agent, FactorType type, ClientConnection connection) {
        lockout.recordSuccess(List.of(Lockout.secondStepKey(agent)));
        events.publishEvent(new SecondFactorVerified(agent, type, connection, clock.instant()));
    }

    private Outcome failed(
            AgentId agent,
            @Nullable FactorType type,
            CodeCheck reason,
            @Nullable Long drift,
            boolean needsNewCode,
            ClientConnection connection) {
        var failure = lockout.recordCodeFailure(agent, type, drift, connection);
        if (failure.lockedUntil() != null) {
            return new Outcome.Locked(failure.lockedUntil());
        }
        return new Outcome.Refused(reason, Math.max(0, codeFailures - failure.failures()), needsNewCode);
    }
}
