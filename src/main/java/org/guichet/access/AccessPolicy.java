package org.guichet.access;

import java.time.Clock;
import java.util.List;
import org.guichet.directory.AgentProfile;
import org.guichet.identity.Assurance;
import org.guichet.identity.SecondFactors;
import org.guichet.network.Channel;
import org.guichet.platform.SupportReferences;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decides whether an agent may reach a service from where they are, and if not, why and what to do. The same decision
 * serves the home page's tiles, {@code GET /api/v1/services} and Spring Security's rule on every URL of the service,
 * so that a page and its API never disagree.
 *
 * <p>Reasons come in this order: what nobody can change from their chair (account suspended, role, department, a
 * channel the service never accepts) before what the agent can fix (remote access, a second factor). So an agent on
 * the internet asking for the GIS is told it only works from the office network or the VPN, not to ask for remote
 * access that would not open it.
 */
@Service
public class AccessPolicy {

    private final ServiceCatalogue catalogue;
    private final NomadicProfiles nomadic;
    private final SecondFactors factors;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AccessPolicy(
            ServiceCatalogue catalogue,
            NomadicProfiles nomadic,
            SecondFactors factors,
            ApplicationEventPublisher events,
            Clock clock) {
        this.catalogue = catalogue;
        this.nomadic = nomadic;
        this.factors = factors;
        this.events = events;
        this.clock = clock;
    }

    /** The decision for one service; reads the agent's remote-access profile. */
    public AccessDecision evaluate(
            AgentProfile agent, Channel channel, Assurance assurance, ServiceDefinition service) {
        return evaluate(agent, channel, assurance, service, nomadic.state(agent.id()));
    }

    /** The decision for every service of the catalogue, in its order. */
    public List<AccessDecision> evaluateAll(AgentProfile agent, Channel channel, Assurance assurance) {
        var profile = nomadic.state(agent.id());
        return catalogue.all().stream()
                .map(service -> evaluate(agent, channel, assurance, service, profile))
                .toList();
    }

    /**
     * The decision for an attempt to reach the service: a refusal is published ({@link AccessDenied}) with a
     * reference the agent can give the helpdesk.
     */
    @Transactional
    public Attempt attempt(AgentProfile agent, Channel channel, Assurance assurance, ServiceDefinition service) {
        var decision = evaluate(agent, channel, assurance, service);
        if (decision.allowed()) {
            return new Attempt(decision, null);
        }
        var reference = SupportReferences.next();
        events.publishEvent(
                new AccessDenied(agent.id(), service.id(), channel, decision.denial(), reference, clock.instant()));
        return new Attempt(decision, reference);
    }

    /** A decision, with the reference of its refusal when refused. */
    public record Attempt(
            AccessDecision decision,
            @org.jspecify.annotations.Nullable String reference) {}

    private AccessDecision evaluate(
            AgentProfile agent, Channel channel, Assurance assurance, ServiceDefinition service, NomadicState profile) {
        return AccessRules.decide(
                agent, channel, assurance, service, profile, () -> factors.hasSecondFactor(agent.id()));
    }

    /** Why the internet is refused to an agent without an active profile. */
    public static AccessDenial nomadicDenial(NomadicState profile) {
        if (profile.pending()) {
            return AccessDenial.NOMADIC_PROFILE_PENDING;
        }
        return profile == NomadicState.EXPIRED || profile == NomadicState.DEACTIVATED
                ? AccessDenial.NOMADIC_PROFILE_EXPIRED
                : AccessDenial.NOMADIC_PROFILE_MISSING;
    }

    /** What such an agent can do: ask, follow their request, or ask again. */
    public static Remedy nomadicRemedy(NomadicState profile) {
        if (profile.pending()) {
            return new Remedy(Remedy.Kind.FOLLOW_REMOTE_ACCESS, "/remote-access");
        }
        return profile == NomadicState.NONE || profile == NomadicState.REJECTED
                ? new Remedy(Remedy.Kind.REQUEST_REMOTE_ACCESS, "/remote-access")
                : new Remedy(Remedy.Kind.RENEW_REMOTE_ACCESS, "/remote-access");
    }
}
