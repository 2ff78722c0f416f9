package org.guichet.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.guichet.directory.AgentProfile;
import org.guichet.directory.AgentStatus;
import org.guichet.directory.Role;
import org.guichet.identity.Assurance;
import org.guichet.network.Channel;
import org.guichet.testing.Profiles;
import org.junit.jupiter.api.Test;

/**
 * The order of reasons, as a plain function (no application, no database): what nobody can change from their chair
 * comes before what the agent can fix, and the remedy matches the reason.
 */
class AccessRulesTests {

    private static final ServiceDefinition PAYSLIPS = service("payslips", Set.of(Channel.values()), Set.of(), Set.of());
    private static final ServiceDefinition GIS =
            service("gis", Set.of(Channel.INTERNAL, Channel.VPN), Set.of(), Set.of());
    private static final ServiceDefinition HR =
            service("hr-back-office", Set.of(Channel.INTERNAL, Channel.VPN), Set.of(Role.HR), Set.of());
    private static final ServiceDefinition CONFIDENTIAL =
            service("confidential-documents", Set.of(Channel.INTERNAL), Set.of(), Set.of("VOIRIE"));

    private static final ServiceDefinition OFFICE_ONLY =
            service("technical-management", Set.of(Channel.INTERNAL), Set.of(), Set.of());

    private static final BooleanSupplier HAS_FACTOR = () -> true;

    @Test
    void decideWhenSeveralReasonsThenTheOneNobodyCanChangeFromTheirChairComesFirst() {
        var suspended = agent(AgentStatus.SUSPENDED, Set.of());
        assertThat(denial(suspended, Channel.NOMADIC, Assurance.PASSWORD, HR, NomadicState.NONE))
                .isEqualTo(AccessDenial.ACCOUNT_SUSPENDED);
        var agent = agent(AgentStatus.ACTIVE, Set.of());
        assertThat(denial(agent, Channel.NOMADIC, Assurance.PASSWORD, HR, NomadicState.NONE))
                .as("a role before the channel")
                .isEqualTo(AccessDenial.ROLE_REQUIRED);
        assertThat(denial(agent, Channel.NOMADIC, Assurance.PASSWORD, CONFIDENTIAL, NomadicState.NONE))
                .as("the department before the channel")
                .isEqualTo(AccessDenial.DISABLED_FOR_DEPARTMENT);
        assertThat(denial(agent, Channel.NOMADIC, Assurance.PASSWORD, GIS, NomadicState.NONE))
                .as("a channel the service never takes before remote access, which would not open it")
                .isEqualTo(AccessDenial.CHANNEL_NOT_ALLOWED);
        assertThat(denial(agent, Channel.NOMADIC, Assurance.PASSWORD, PAYSLIPS, NomadicState.NONE))
                .as("remote access before the second factor")
                .isEqualTo(AccessDenial.NOMADIC_PROFILE_MISSING);
        assertThat(denial(agent, Channel.NOMADIC, Assurance.PASSWORD, PAYSLIPS, NomadicState.ACTIVE))
                .isEqualTo(AccessDenial.MFA_REQUIRED);
        assertThat(denial(agent, Channel.NOMADIC, Assurance.MFA, PAYSLIPS, NomadicState.ACTIVE))
                .isNull();
    }

    @Test
    void decideWhenRefusedThenTheRemedyFitsTheReason() {
        var agent = agent(AgentStatus.ACTIVE, Set.of());
        assertThat(remedy(agent, Channel.NOMADIC, Assurance.MFA, GIS, NomadicState.ACTIVE, HAS_FACTOR))
                .isEqualTo(Remedy.Kind.USE_OFFICE_OR_VPN);
        assertThat(remedy(agent, Channel.VPN, Assurance.MFA, OFFICE_ONLY, NomadicState.NONE, HAS_FACTOR))
                .isEqualTo(Remedy.Kind.USE_OFFICE);
        assertThat(remedy(agent, Channel.NOMADIC, Assurance.MFA, PAYSLIPS, NomadicState.NONE, HAS_FACTOR))
                .isEqualTo(Remedy.Kind.REQUEST_REMOTE_ACCESS);
        assertThat(remedy(agent, Channel.NOMADIC, Assurance.MFA, PAYSLIPS, NomadicState.REQUESTED, HAS_FACTOR))
                .isEqualTo(Remedy.Kind.FOLLOW_REMOTE_ACCESS);
        assertThat(remedy(agent, Channel.NOMADIC, Assurance.MFA, PAYSLIPS, NomadicState.EXPIRED, HAS_FACTOR))
                .isEqualTo(Remedy.Kind.RENEW_REMOTE_ACCESS);
        assertThat(remedy(agent, Channel.NOMADIC, Assurance.PASSWORD, PAYSLIPS, NomadicState.ACTIVE, HAS_FACTOR))
                .isEqualTo(Remedy.Kind.CONFIRM_SECOND_FACTOR);
        assertThat(remedy(agent, Channel.NOMADIC, Assurance.PASSWORD, PAYSLIPS, NomadicState.ACTIVE, () -> false))
                .isEqualTo(Remedy.Kind.ENROL_SECOND_FACTOR);
        assertThat(remedy(agent, Channel.INTERNAL, Assurance.PASSWORD, HR, NomadicState.NONE, HAS_FACTOR))
                .isEqualTo(Remedy.Kind.CONTACT_SUPPORT);
    }

    @Test
    void decideWhenTheRemedyIsNotASecondFactorThenWhetherTheAgentHasOneIsNotAsked() {
        var asked = new AtomicInteger();
        BooleanSupplier counting = () -> asked.incrementAndGet() > 0;
        var agent = agent(AgentStatus.ACTIVE, Set.of());
        AccessRules.decide(agent, Channel.NOMADIC, Assurance.MFA, GIS, NomadicState.ACTIVE, counting);
        AccessRules.decide(agent, Channel.INTERNAL, Assurance.PASSWORD, PAYSLIPS, NomadicState.NONE, counting);
        assertThat(asked).hasValue(0);
    }

    @Test
    void decideWhenRemoteAccessIsNotActiveThenTheInternetIsNotAWayIn() {
        var agent = agent(AgentStatus.ACTIVE, Set.of());
        var without =
                AccessRules.decide(agent, Channel.INTERNAL, Assurance.MFA, PAYSLIPS, NomadicState.NONE, HAS_FACTOR);
        assertThat(without.allowed()).isTrue();
        assertThat(without.workingChannels()).containsExactlyInAnyOrder(Channel.INTERNAL, Channel.VPN);
        var with =
                AccessRules.decide(agent, Channel.INTERNAL, Assurance.MFA, PAYSLIPS, NomadicState.ACTIVE, HAS_FACTOR);
        assertThat(with.workingChannels()).containsExactlyInAnyOrder(Channel.values());
    }

    private static AccessDenial denial(
            AgentProfile agent, Channel channel, Assurance assurance, ServiceDefinition service, NomadicState profile) {
        return AccessRules.decide(agent, channel, assurance, service, profile, HAS_FACTOR)
                .denial();
    }

    private static Remedy.Kind remedy(
            AgentProfile agent,
            Channel channel,
            Assurance assurance,
            ServiceDefinition service,
            NomadicState profile,
            BooleanSupplier hasFactor) {
        var remedy = AccessRules.decide(agent, channel, assurance, service, profile, hasFactor)
                .remedy();
        return remedy == null ? null : remedy.kind();
    }

    private static AgentProfile agent(AgentStatus status, Set<Role> roles) {
        return Profiles.agent("Anne", "Essai", status, roles);
    }

    private static ServiceDefinition service(
            String id, Set<Channel> channels, Set<Role> roles, Set<String> closedDepartments) {
        return new ServiceDefinition(
                id,
                Map.of("fr", id),
                Map.of(),
                "/" + id,
                channels,
                Map.of(),
                roles,
                Set.of(),
                closedDepartments,
                List.of(),
                null);
    }
}
