package org.guichet.identity.factor;

import java.time.Clock;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.guichet.directory.AgentProfile;
import org.guichet.identity.FactorRemoved;
import org.guichet.identity.FactorRenamed;
import org.guichet.identity.FactorType;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An agent's second factors, whatever their kind, through each kind's {@link FactorProvider}: listed, renamed,
 * removed. The last one to sign in with may not be removed while a second factor is required of the agent; when it
 * goes, the recovery codes go with it ({@link FactorPolicy}). Every change is announced.
 */
@Service
public class Factors {

    public enum Removal {
        REMOVED,
        NOT_FOUND,
        /** It is the last usable factor and a second factor is required of the agent. */
        LAST_FACTOR_REQUIRED
    }

    private final Map<FactorType, FactorProvider> providers = new EnumMap<>(FactorType.class);
    private final FactorKindsRepository kinds;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Factors(
            List<FactorProvider> providers,
            FactorKindsRepository kinds,
            ApplicationEventPublisher events,
            Clock clock) {
        for (var provider : providers) {
            if (this.providers.put(provider.type(), provider) != null) {
                throw new IllegalStateException("Two providers of " + provider.type() + " factors");
            }
        }
        var missing = EnumSet.complementOf(EnumSet.copyOf(this.providers.keySet()));
        if (!missing.isEmpty()) {
            throw new IllegalStateException("No provider of " + missing + " factors");
        }
        this.kinds = kinds;
        this.events = events;
        this.clock = clock;
    }

    /** The provider of a kind. */
    public FactorProvider provider(FactorType type) {
        return providers.get(type);
    }

    /** The agent's factors, strongest kind first, oldest first within a kind. */
    public List<Factor> list(AgentProfile agent) {
        return providers.values().stream()
                .flatMap(provider -> provider.list(agent).stream())
                .sorted(Comparator.comparing(Factor::type).thenComparing(Factor::addedAt))
                .toList();
    }

    /**
     * The kinds of factor the agent can use now: one statement for the kinds held (not a list of every factor), then
     * what a kind's provider checks beyond its table.
     */
    public Set<FactorType> usable(AgentProfile agent) {
        var types = kinds.held(agent.id().soi());
        types.removeIf(type -> !provider(type).usableWhenHeld(agent));
        return types;
    }

    /** Whether the agent has a factor to sign in with (recovery codes alone do not count). */
    public boolean hasSecondFactor(AgentProfile agent) {
        return FactorPolicy.hasSecondFactor(usable(agent));
    }

    public Optional<Factor> find(AgentProfile agent, String id) {
        return list(agent).stream().filter(factor -> factor.id().equals(id)).findFirst();
    }

    @Transactional
    public boolean rename(AgentProfile agent, String id, String name) {
        var factor = find(agent, id).filter(Factor::renamable).orElse(null);
        if (factor == null || factor.name().equals(name)) {
            return factor != null;
        }
        provider(factor.type()).rename(agent, factor, name);
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
        if (!FactorPolicy.mayRemove(factors, factor, secondFactorRequired)) {
            return Removal.LAST_FACTOR_REQUIRED;
        }
        delete(agent, factor);
        if (FactorPolicy.isLast(factors, factor)) {
            factors.stream().filter(other -> !other.type().signsIn()).forEach(other -> delete(agent, other));
        }
        return Removal.REMOVED;
    }

    private void delete(AgentProfile agent, Factor factor) {
        provider(factor.type()).remove(agent, factor);
        events.publishEvent(new FactorRemoved(agent.id(), factor.type(), factor.name(), clock.instant()));
    }
}
