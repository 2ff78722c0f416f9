package org.guichet.access;

import java.util.EnumSet;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.guichet.directory.AgentProfile;
import org.guichet.identity.Assurance;
import org.guichet.network.Channel;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The rule {@link AccessPolicy} applies, as a plain function of what is known: no database, no clock, so that its
 * order of reasons is tested as a table ({@code AccessRulesTests}).
 */
final class AccessRules {

    private AccessRules() {}

    /**
     * The decision for one service, from what is known of the agent: their profile, where they are, how they signed
     * in, their remote-access profile, and (asked only when a second factor would be the remedy) whether they have one.
     */
    static AccessDecision decide(
            AgentProfile agent,
            Channel channel,
            Assurance assurance,
            ServiceDefinition service,
            NomadicState profile,
            BooleanSupplier hasSecondFactor) {
        var working = EnumSet.noneOf(Channel.class);
        service.channels().stream()
                .filter(candidate -> candidate != Channel.NOMADIC || profile == NomadicState.ACTIVE)
                .forEach(working::add);
        if (!agent.isActive()) {
            return denied(service, channel, working, AccessDenial.ACCOUNT_SUSPENDED, support(), profile);
        }
        if (!service.roles().isEmpty() && service.roles().stream().noneMatch(agent::hasRole)) {
            return denied(service, channel, working, AccessDenial.ROLE_REQUIRED, support(), profile);
        }
        if (!service.openTo(agent.departmentCode())) {
            return denied(service, channel, working, AccessDenial.DISABLED_FOR_DEPARTMENT, support(), profile);
        }
        if (!service.channels().contains(channel)) {
            var remedy = service.channels().contains(Channel.VPN)
                    ? new Remedy(Remedy.Kind.USE_OFFICE_OR_VPN, "/check")
                    : new Remedy(Remedy.Kind.USE_OFFICE, "/check");
            return denied(service, channel, working, AccessDenial.CHANNEL_NOT_ALLOWED, remedy, profile);
        }
        if (channel == Channel.NOMADIC && profile != NomadicState.ACTIVE) {
            return denied(
                    service,
                    channel,
                    working,
                    AccessPolicy.nomadicDenial(profile),
                    AccessPolicy.nomadicRemedy(profile),
                    profile);
        }
        if (!assurance.satisfies(service.assuranceOn(channel))) {
            var remedy = hasSecondFactor.getAsBoolean()
                    ? new Remedy(
                            Remedy.Kind.CONFIRM_SECOND_FACTOR,
                            UriComponentsBuilder.fromPath("/sign-in/confirm")
                                    .queryParam("next", "/services/" + service.id())
                                    .build()
                                    .toUriString())
                    : new Remedy(Remedy.Kind.ENROL_SECOND_FACTOR, "/account/factors");
            return denied(service, channel, working, AccessDenial.MFA_REQUIRED, remedy, profile);
        }
        return new AccessDecision(service, channel, Set.copyOf(working), null, null, profile);
    }

    private static Remedy support() {
        return new Remedy(Remedy.Kind.CONTACT_SUPPORT, "/help#support");
    }

    private static AccessDecision denied(
            ServiceDefinition service,
            Channel channel,
            Set<Channel> working,
            AccessDenial denial,
            Remedy remedy,
            NomadicState profile) {
        return new AccessDecision(service, channel, Set.copyOf(working), denial, remedy, profile);
    }
}
