package org.guichet.identity.mfa;

import java.time.Clock;
import java.util.Comparator;
import org.guichet.directory.AgentId;
import org.guichet.directory.AgentProfile;
import org.guichet.directory.DirectoryManagement;
import org.guichet.identity.FactorAdded;
import org.guichet.identity.SecondFactorsReset;
import org.guichet.identity.factor.Factor;
import org.guichet.identity.factor.Factors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The helpdesk's reset of an agent's second factors. Declared lost: every factor (and the recovery codes with the
 * last one) goes at once. Otherwise the old ones stay until the agent enrolled a new one, so that they are never
 * left without a way to sign in; then every other passkey, app and SMS factor goes. Each removal is announced as
 * usual (the agent is e-mailed), and so is the reset.
 */
@Service
public class FactorReset {

    private final Factors factors;
    private final DirectoryManagement directory;
    private final PendingResetRepository pending;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    FactorReset(
            Factors factors,
            DirectoryManagement directory,
            PendingResetRepository pending,
            ApplicationEventPublisher events,
            Clock clock) {
        this.factors = factors;
        this.directory = directory;
        this.pending = pending;
        this.events = events;
        this.clock = clock;
    }

    /** Resets the agent's factors; returns how many were removed now (none when the reset waits for a new one). */
    @Transactional
    public int reset(AgentProfile agent, AgentId by, boolean lost) {
        var now = clock.instant();
        if (!lost) {
            pending.replace(agent.id(), by, now);
            events.publishEvent(new SecondFactorsReset(agent.id(), by, false, false, 0, now));
            return 0;
        }
        pending.clear(agent.id());
        var removed = removeAllBut(agent, null);
        events.publishEvent(new SecondFactorsReset(agent.id(), by, true, true, removed, now));
        return removed;
    }

    /** Whether a reset waits for the agent to enrol a new factor. */
    public boolean pending(AgentId agent) {
        return pending.requestedBy(agent).isPresent();
    }

    /** A new factor completes a waiting reset: the others go. */
    @ApplicationModuleListener
    void on(FactorAdded event) {
        if (!event.type().signsIn()) {
            return;
        }
        var by = pending.requestedBy(event.agent());
        // the one delete that succeeds completes the reset, however many nodes hear of the new factor
        if (by.isEmpty() || !pending.clear(event.agent())) {
            return;
        }
        var agent = directory.findById(event.agent()).orElseThrow();
        var newest = factors.list(agent).stream()
                .filter(factor -> factor.type() == event.type())
                .max(Comparator.comparing(Factor::addedAt))
                .orElseThrow();
        var removed = removeAllBut(agent, newest.id());
        events.publishEvent(new SecondFactorsReset(agent.id(), by.get(), false, true, removed, clock.instant()));
    }

    /** Removes every passkey, app and SMS factor of the agent's but the one kept (if any); returns how many went. */
    private int removeAllBut(AgentProfile agent, @Nullable String kept) {
        var removed = 0;
        for (var factor : factors.list(agent)) {
            if (factor.type().signsIn()
                    && !factor.id().equals(kept)
                    && factors.remove(agent, factor.id(), false) == Factors.Removal.REMOVED) {
                removed++;
            }
        }
        return removed;
    }
}
