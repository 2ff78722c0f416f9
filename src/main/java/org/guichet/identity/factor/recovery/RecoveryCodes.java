package org.guichet.identity.factor.recovery;

import java.time.Clock;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.IntStream;
import org.guichet.directory.AgentId;
import org.guichet.directory.AgentProfile;
import org.guichet.identity.FactorAdded;
import org.guichet.identity.FactorType;
import org.guichet.identity.RecoveryCodeUsed;
import org.guichet.identity.factor.CodeCheck;
import org.guichet.identity.factor.Factor;
import org.guichet.identity.factor.FactorProvider;
import org.guichet.identity.mfa.OneTimeSecrets;
import org.guichet.network.ClientConnection;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The recovery-code factor: ten single-use codes of 10 characters (about 50 bits each), hashed at rest (Argon2id) and shown to the
 * agent once, for the day the phone or the security key is lost.
 */
@Service
public class RecoveryCodes implements FactorProvider {

    private static final String ID = "recovery-codes";

    static final int COUNT = 10;
    private static final int GROUPS = 2;
    private static final int GROUP_SIZE = 5;

    private final RecoveryCodeRepository codes;
    private final PasswordEncoder encoder;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RecoveryCodes(
            RecoveryCodeRepository codes, PasswordEncoder encoder, ApplicationEventPublisher events, Clock clock) {
        this.codes = codes;
        this.encoder = encoder;
        this.events = events;
        this.clock = clock;
    }

    /** A new set of codes, to be shown once; the former set stops working. */
    @Transactional
    public List<String> generate(AgentId agent) {
        var fresh = IntStream.range(0, COUNT)
                .mapToObj(i -> OneTimeSecrets.generate(GROUPS, GROUP_SIZE))
                .toList();
        var now = clock.instant();
        codes.replace(
                agent.soi(),
                fresh.stream()
                        .map(OneTimeSecrets::normalize)
                        .map(encoder::encode)
                        .toList(),
                now);
        events.publishEvent(new FactorAdded(agent, FactorType.RECOVERY_CODE, String.valueOf(COUNT), now));
        return fresh;
    }

    /** Uses one of the agent's codes; tells how many remain when it was right (and unused). */
    @Transactional
    public OptionalInt use(AgentId agent, String typed) {
        var code = OneTimeSecrets.normalize(typed);
        if (!OneTimeSecrets.plausible(code, GROUPS * GROUP_SIZE)) {
            return OptionalInt.empty();
        }
        var unused = codes.unused(agent.soi());
        for (var candidate : unused) {
            if (encoder.matches(code, candidate.hash()) && codes.use(candidate.id(), clock.instant())) {
                return OptionalInt.of(unused.size() - 1);
            }
        }
        return OptionalInt.empty();
    }

    /** How many unused codes the agent has. */
    public int remaining(AgentId agent) {
        return codes.summary(agent.soi())
                .map(RecoveryCodeRepository.Summary::remaining)
                .orElse(0);
    }

    @Override
    public FactorType type() {
        return FactorType.RECOVERY_CODE;
    }

    @Override
    public List<Factor> list(AgentProfile agent) {
        return codes
                .summary(agent.id().soi())
                .map(summary -> new Factor(
                        ID,
                        FactorType.RECOVERY_CODE,
                        "",
                        summary.createdAt(),
                        null,
                        String.valueOf(summary.remaining()),
                        summary.remaining() > 0))
                .stream()
                .toList();
    }

    @Override
    public void rename(AgentProfile agent, Factor factor, String name) {
        throw new UnsupportedOperationException("Recovery codes have no name");
    }

    @Override
    public void remove(AgentProfile agent, Factor factor) {
        codes.delete(agent.id().soi());
    }

    /** Uses a code; announces it, with how many are left, when it was right. */
    @Override
    public Verification verify(AgentProfile agent, String code, ClientConnection connection) {
        var remaining = use(agent.id(), code);
        if (remaining.isEmpty()) {
            return Verification.of(new CodeCheck.Wrong());
        }
        events.publishEvent(new RecoveryCodeUsed(agent.id(), remaining.getAsInt(), connection, clock.instant()));
        return new Verification(new CodeCheck.Accepted(), remaining.getAsInt(), false);
    }
}
