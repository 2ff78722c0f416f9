package org.guichet.identity.factor.sms;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.guichet.directory.AgentProfile;
import org.guichet.identity.FactorAdded;
import org.guichet.identity.FactorType;
import org.guichet.identity.factor.CodeCheck;
import org.guichet.identity.factor.Factor;
import org.guichet.identity.factor.FactorProvider;
import org.guichet.identity.mfa.SmsCodes;
import org.guichet.identity.password.VerifiedMobiles;
import org.guichet.identity.reset.Masking;
import org.guichet.network.ClientConnection;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The SMS factor: sign-in codes sent to the agent's verified mobile number. Usable only while the number is verified;
 * its detail is the number, masked.
 */
@Service
public class SmsFactors implements FactorProvider {

    private static final String ID = "sms";

    private final SmsFactorRepository factors;
    private final SmsCodes codes;
    private final VerifiedMobiles mobiles;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SmsFactors(
            SmsFactorRepository factors,
            SmsCodes codes,
            VerifiedMobiles mobiles,
            ApplicationEventPublisher events,
            Clock clock) {
        this.factors = factors;
        this.codes = codes;
        this.mobiles = mobiles;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public FactorType type() {
        return FactorType.SMS;
    }

    @Override
    public List<Factor> list(AgentProfile agent) {
        return factors.find(agent.id().soi()).stream()
                .map(factor -> {
                    var number = mobiles.of(agent);
                    return new Factor(
                            ID,
                            FactorType.SMS,
                            factor.name(),
                            factor.createdAt(),
                            factor.lastUsedAt(),
                            number.map(Masking::mobile).orElse(null),
                            number.isPresent());
                })
                .toList();
    }

    @Override
    public boolean usableWhenHeld(AgentProfile agent) {
        return mobiles.of(agent).isPresent();
    }

    /** Adds codes by SMS to the agent's verified number; tells whether it was added (not there already). */
    @Transactional
    public boolean add(AgentProfile agent, String name) {
        if (mobiles.of(agent).isEmpty()) {
            throw new IllegalStateException("SMS codes need a verified mobile number");
        }
        var now = clock.instant();
        var added = factors.insert(agent.id().soi(), name, now);
        if (added) {
            events.publishEvent(new FactorAdded(agent.id(), FactorType.SMS, name, now));
        }
        return added;
    }

    /** Sends a sign-in code to the agent's verified number, if they have this factor and such a number. */
    public SmsCodes.@Nullable Sending send(AgentProfile agent, Locale locale) {
        var number = mobiles.of(agent).orElse(null);
        return number != null && factors.find(agent.id().soi()).isPresent()
                ? codes.send(agent.id(), SmsCodes.Purpose.SIGN_IN, number, locale)
                : null;
    }

    /** Where the live sign-in code went, masked, if one was sent and can still be used. */
    public @Nullable String sentTo(AgentProfile agent) {
        return codes.liveDestination(agent.id(), SmsCodes.Purpose.SIGN_IN);
    }

    /** The verified number sign-in codes go to, masked. */
    public @Nullable String number(AgentProfile agent) {
        return mobiles.of(agent).map(Masking::mobile).orElse(null);
    }

    @Override
    public void rename(AgentProfile agent, Factor factor, String name) {
        factors.rename(agent.id().soi(), name);
    }

    @Override
    public void remove(AgentProfile agent, Factor factor) {
        factors.delete(agent.id().soi());
    }

    /** Checks the live sign-in code; without a usable factor, there is none to check and a new one must be sent. */
    @Override
    public Verification verify(AgentProfile agent, String code, ClientConnection connection) {
        if (list(agent).stream().noneMatch(Factor::usable)) {
            return new Verification(new CodeCheck.Spent(), null, true);
        }
        var check = codes.verify(agent.id(), SmsCodes.Purpose.SIGN_IN, code);
        if (check.result() instanceof CodeCheck.Accepted) {
            factors.used(agent.id().soi(), clock.instant());
        }
        return new Verification(check.result(), null, check.needsNewCode());
    }
}
