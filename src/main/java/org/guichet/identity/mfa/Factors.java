package org.guichet.identity.mfa;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.guichet.directory.AgentId;
import org.guichet.directory.AgentProfile;
import org.guichet.identity.FactorAdded;
import org.guichet.identity.FactorRemoved;
import org.guichet.identity.FactorRenamed;
import org.guichet.identity.FactorType;
import org.guichet.identity.password.VerifiedMobiles;
import org.guichet.identity.reset.Masking;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An agent's second factors, whatever their kind: listed, renamed, removed. The last one that can be used (passkey,
 * authenticator app, or SMS to a verified number) may not be removed while a second factor is required of the agent;
 * when it goes, the recovery codes go with it. Every change is announced.
 */
@Service
public class Factors {

    static final String SMS_ID = "sms";
    static final String RECOVERY_ID = "recovery-codes";
    private static final String PASSKEY_PREFIX = "passkey-";
    private static final String TOTP_PREFIX = "totp-";

    /**
     * One factor as the agent sees it.
     *
     * @param id how pages name it
     * @param detail what else to say: the masked number, the codes left
     * @param usable whether it can be used now (an SMS factor needs a verified number)
     */
    public record Factor(
            String id,
            FactorType type,
            String name,
            Instant addedAt,
            @Nullable Instant lastUsedAt,
            @Nullable String detail,
            boolean usable) {

        /** Whether it can be renamed (recovery codes cannot). */
        public boolean renamable() {
            return type != FactorType.RECOVERY_CODE;
        }
    }

    public enum Removal {
        REMOVED,
        NOT_FOUND,
        /** It is the last usable factor and a second factor is required of the agent. */
        LAST_FACTOR_REQUIRED
    }

    private final Passkeys passkeys;
    private final TotpService totp;
    private final SmsFactorRepository sms;
    private final RecoveryCodes recovery;
    private final VerifiedMobiles mobiles;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Factors(
            Passkeys passkeys,
            TotpService totp,
            SmsFactorRepository sms,
            RecoveryCodes recovery,
            VerifiedMobiles mobiles,
            ApplicationEventPublisher events,
            Clock clock) {
        this.passkeys = passkeys;
        this.totp = totp;
        this.sms = sms;
        this.recovery = recovery;
        this.mobiles = mobiles;
        this.events = events;
        this.clock = clock;
    }

    /** The agent's factors, strongest kind first, oldest first within a kind. */
    public List<Factor> list(AgentProfile agent) {
        var factors = new ArrayList<Factor>();
        for (var record : passkeys.list(agent.id())) {
            factors.add(new Factor(
                    PASSKEY_PREFIX + record.getCredentialId().toBase64UrlString(),
                    FactorType.PASSKEY,
                    record.getLabel(),
                    record.getCreated(),
                    record.getLastUsed().equals(record.getCreated()) ? null : record.getLastUsed(),
                    null,
                    true));
        }
        for (var credential : totp.list(agent.id())) {
            factors.add(new Factor(
                    TOTP_PREFIX + credential.id(),
                    FactorType.TOTP,
                    credential.name(),
                    credential.createdAt(),
                    credential.lastUsedAt(),
                    null,
                    true));
        }
        sms.find(agent.id().soi()).ifPresent(factor -> {
            var number = mobiles.of(agent);
            factors.add(new Factor(
                    SMS_ID,
                    FactorType.SMS,
                    factor.name(),
                    factor.createdAt(),
                    factor.lastUsedAt(),
                    number.map(Masking::mobile).orElse(null),
                    number.isPresent()));
        });
        recovery.summary(agent.id())
                .ifPresent(codes -> factors.add(new Factor(
                        RECOVERY_ID,
                        FactorType.RECOVERY_CODE,
                        "",
                        codes.createdAt(),
                        null,
                        String.valueOf(codes.remaining()),
                        codes.remaining() > 0)));
        factors.sort(Comparator.comparing(Factor::type).thenComparing(Factor::addedAt));
        return factors;
    }

    /** The kinds of factor the agent can use now. */
    public Set<FactorType> usable(AgentProfile agent) {
        var types = EnumSet.noneOf(FactorType.class);
        list(agent).stream().filter(Factor::usable).map(Factor::type).forEach(types::add);
        return types;
    }

    /** Whether the agent has a factor to sign in with (recovery codes alone do not count). */
    public boolean hasSecondFactor(AgentProfile agent) {
        var types = usable(agent);
        types.remove(FactorType.RECOVERY_CODE);
        return !types.isEmpty();
    }

    public Optional<Factor> find(AgentProfile agent, String id) {
        return list(agent).stream().filter(factor -> factor.id().equals(id)).findFirst();
    }

    /**
     * Makes sure Spring Security's WebAuthn support knows the agent by name before a passkey is created, so that the
     * device shows their name from the first passkey on.
     */
    public void preparePasskey(AgentProfile agent) {
        passkeys.prepare(agent);
    }

    /** Adds codes by SMS to the agent's verified number; tells whether it was added (not there already). */
    @Transactional
    public boolean addSms(AgentProfile agent, String name) {
        if (mobiles.of(agent).isEmpty()) {
            throw new IllegalStateException("SMS codes need a verified mobile number");
        }
        var now = clock.instant();
        var added = sms.insert(agent.id().soi(), name, now);
        if (added) {
            events.publishEvent(new FactorAdded(agent.id(), FactorType.SMS, name, now));
        }
        return added;
    }

    void smsUsed(AgentId agent) {
        sms.used(agent.soi(), clock.instant());
    }

    @Transactional
    public boolean rename(AgentProfile agent, String id, String name) {
        var factor = find(agent, id).filter(Factor::renamable).orElse(null);
        if (factor == null || factor.name().equals(name)) {
            return factor != null;
        }
        var soi = agent.id().soi();
        switch (factor.type()) {
            case PASSKEY ->
                passkeys.find(agent.id(), id.substring(PASSKEY_PREFIX.length()))
                        .ifPresent(record -> passkeys.rename(record, name));
            case TOTP -> totp.rename(soi, id.substring(TOTP_PREFIX.length()), name);
            case SMS -> sms.rename(soi, name);
            case RECOVERY_CODE -> throw new IllegalStateException("Recovery codes have no name");
        }
        events.publishEvent(new FactorRenamed(agent.id(), factor.type(), factor.name(), name, clock.instant()));
        return true;
    }

    /** Removes a factor, unless it is the last one and a second factor is required of the agent. */
    @Transactional
    public Removal remove(AgentProfile agent, String id, boolean secondFactorRequired) {
        var factors = list(agent);
        var factor = factors.stream().filter(f -> f.id().equals(id)).findFirst().orElse(null);
        if (factor == null) {
            return Removal.NOT_FOUND;
        }
        var othersLeft = factors.stream()
                .filter(f -> !f.id().equals(id) && f.usable() && f.type() != FactorType.RECOVERY_CODE)
                .count();
        var signInFactor = factor.type() != FactorType.RECOVERY_CODE;
        if (secondFactorRequired && othersLeft == 0 && (signInFactor || factor.usable())) {
            return Removal.LAST_FACTOR_REQUIRED;
        }
        var soi = agent.id().soi();
        switch (factor.type()) {
            case PASSKEY ->
                passkeys.find(agent.id(), id.substring(PASSKEY_PREFIX.length())).ifPresent(passkeys::delete);
            case TOTP -> totp.remove(soi, id.substring(TOTP_PREFIX.length()));
            case SMS -> sms.delete(soi);
            case RECOVERY_CODE -> recovery.delete(agent.id());
        }
        var now = clock.instant();
        events.publishEvent(new FactorRemoved(agent.id(), factor.type(), factor.name(), now));
        if (signInFactor && othersLeft == 0 && recovery.summary(agent.id()).isPresent()) {
            recovery.delete(agent.id());
            events.publishEvent(new FactorRemoved(agent.id(), FactorType.RECOVERY_CODE, "", now));
        }
        return Removal.REMOVED;
    }
}
