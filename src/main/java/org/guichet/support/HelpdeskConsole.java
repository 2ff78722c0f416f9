package org.guichet.support;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.guichet.access.AccessExplanations;
import org.guichet.access.AccessPolicy;
import org.guichet.access.NomadicProfiles;
import org.guichet.access.NomadicStatus;
import org.guichet.access.ServiceCatalogue;
import org.guichet.audit.Journal;
import org.guichet.audit.JournalEntry;
import org.guichet.audit.JournalQuery;
import org.guichet.audit.NewEntry;
import org.guichet.directory.AgentId;
import org.guichet.directory.AgentProfile;
import org.guichet.directory.DirectoryManagement;
import org.guichet.identity.Assurance;
import org.guichet.identity.EnrolmentCode;
import org.guichet.identity.FactorSummary;
import org.guichet.identity.IdentityManagement;
import org.guichet.identity.SecondFactorFailed;
import org.guichet.identity.SignInFailed;
import org.guichet.network.Channel;
import org.guichet.network.ClientConnection;
import org.guichet.platform.DisplayZone;
import org.guichet.platform.GuichetException;
import org.guichet.platform.Journaled;
import org.guichet.session.AgentDevices;
import org.guichet.session.SessionManagement;
import org.guichet.session.SessionRevoked;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The helpdesk console: finds agents, tells why one may be blocked, and fixes it. Every look and every action is
 * journaled with the helpdesk agent, their address and the reason they gave, in the transaction of the action.
 */
@Service
public class HelpdeskConsole {

    static final int REASON_MAX = 500;

    private final DirectoryManagement directory;
    private final IdentityManagement identity;
    private final NomadicProfiles nomadic;
    private final SessionManagement sessions;
    private final org.springframework.beans.factory.ObjectProvider<AgentDevices> devices;
    private final AccessPolicy policy;
    private final AccessExplanations explanations;
    private final ServiceCatalogue catalogue;
    private final Findings findings;
    private final Journal journal;
    private final Clock clock;

    HelpdeskConsole(
            DirectoryManagement directory,
            IdentityManagement identity,
            NomadicProfiles nomadic,
            SessionManagement sessions,
            org.springframework.beans.factory.ObjectProvider<AgentDevices> devices,
            AccessPolicy policy,
            AccessExplanations explanations,
            ServiceCatalogue catalogue,
            Findings findings,
            Journal journal,
            Clock clock) {
        this.directory = directory;
        this.identity = identity;
        this.nomadic = nomadic;
        this.sessions = sessions;
        this.devices = devices;
        this.policy = policy;
        this.explanations = explanations;
        this.catalogue = catalogue;
        this.findings = findings;
        this.journal = journal;
        this.clock = clock;
    }

    /** The helpdesk agent at work, and where they work from. */
    public record Helpdesk(AgentId agent, ClientConnection connection) {}

    /** Everything "check agent" shows. */
    public record Diagnosis(
            AgentProfile agent,
            List<Finding> findings,
            List<FactorSummary> factors,
            List<SessionManagement.OpenSession> sessions,
            List<AgentDevices.Device> devices,
            NomadicStatus nomadic,
            List<JournalEntry> recentFailures) {}

    /** What the access policy answers for an agent, a channel and a service. */
    public record WhatIf(
            String service,
            String serviceName,
            Channel channel,
            boolean allowed,
            @Nullable String reason,
            @Nullable String sentence) {}

    /** The agents a text names: by SOI, login or e-mail exactly, else by name (20 at most). */
    public List<AgentProfile> find(String text) {
        return directory.search(text, 20);
    }

    /** The diagnosis of an agent; the look itself is journaled. */
    @Transactional
    public Diagnosis diagnose(Helpdesk by, String soi, Locale locale) {
        var agent = agent(soi);
        var failures = recentFailures(agent.id());
        var found = findings.of(agent, failures, locale);
        record(
                by,
                agent,
                "HelpdeskDiagnosis",
                null,
                Map.of(
                        "findings",
                        found.stream().map(finding -> finding.code().name()).toList()));
        return new Diagnosis(
                agent,
                found,
                identity.factors(agent.id()),
                sessions.openSessions(agent.id()),
                devices.getIfAvailable() == null
                        ? List.of()
                        : devices.getObject().of(agent.id()),
                nomadic.status(agent.id()),
                failures);
    }

    /** Lifts every lock on the agent; refused when nothing is locked. */
    @Transactional
    public void unlock(Helpdesk by, String soi, @Nullable String reason) {
        var agent = actedOn(by, soi);
        var why = reason(reason);
        var locks = identity.locks(agent.id());
        if (locks.isEmpty()) {
            throw new GuichetException(SupportError.NOT_LOCKED);
        }
        identity.unlock(agent.id(), by.agent(), why);
        record(
                by,
                agent,
                "HelpdeskUnlock",
                why,
                Map.of(
                        "locks",
                        locks.stream()
                                .map(lock -> lock.kind().name() + " " + lock.failures() + " → " + lock.until())
                                .toList()));
    }

    /** Issues an enrolment code, to be read out to the agent once (it is never shown again). */
    @Transactional
    public EnrolmentCode issueEnrolmentCode(Helpdesk by, String soi, @Nullable String reason) {
        var agent = activeActedOn(by, soi);
        var why = reason(reason);
        var code = identity.issueEnrolmentCode(agent.id(), by.agent().soi());
        record(
                by,
                agent,
                "HelpdeskEnrolmentCode",
                why,
                Map.of("expiresAt", code.expiresAt().toString()));
        return code;
    }

    /**
     * Resets the agent's second factors: at once when they declared them lost, else once they enrolled a new one.
     * Returns how many were removed now.
     */
    @Transactional
    public int resetFactors(Helpdesk by, String soi, @Nullable String reason, boolean lost) {
        var agent = actedOn(by, soi);
        var why = reason(reason);
        var removed = identity.resetSecondFactors(agent.id(), by.agent(), lost);
        record(by, agent, "HelpdeskFactorsReset", why, Map.of("lost", lost, "removed", removed));
        return removed;
    }

    /** Closes every session of the agent's; returns how many were open. */
    @Transactional
    public int revokeSessions(Helpdesk by, String soi, @Nullable String reason) {
        var agent = actedOn(by, soi);
        var why = reason(reason);
        var closed = sessions.revokeAll(agent.id(), SessionRevoked.Cause.HELPDESK);
        record(by, agent, "HelpdeskSessionsRevoked", why, Map.of("closed", closed));
        return closed;
    }

    /**
     * Revokes one of the agent's devices (an installation of the phone app, lost or stolen): its tokens die at once.
     * Not found when it is not one of theirs.
     */
    @Transactional
    public void revokeDevice(Helpdesk by, String soi, String device, @Nullable String reason) {
        var agent = actedOn(by, soi);
        var why = reason(reason);
        var list = devices.getIfAvailable();
        if (list == null || !list.revoke(agent.id(), device, by.agent(), why)) {
            throw new GuichetException(SupportError.DEVICE_NOT_FOUND);
        }
        record(by, agent, "HelpdeskDeviceRevoked", why, Map.of("device", device));
    }

    /** Activates the remote-access profile the agent's manager approved. */
    @Transactional
    public NomadicStatus activateNomadic(Helpdesk by, String soi, @Nullable String reason) {
        var agent = activeActedOn(by, soi);
        var why = reason(reason);
        var status = nomadic.activate(agent.id(), by.agent());
        record(by, agent, "HelpdeskNomadicActivated", why, Map.of("validUntil", String.valueOf(status.validUntil())));
        return status;
    }

    /**
     * What the access policy decides for the agent on this channel for this service, as if they had signed in with
     * every factor they have (a second factor when they have one).
     */
    @Transactional
    public WhatIf whatIf(
            Helpdesk by, String soi, @Nullable String channelName, @Nullable String serviceId, Locale locale) {
        var agent = agent(soi);
        var channel = channel(channelName);
        var service = serviceId == null ? null : catalogue.find(serviceId).orElse(null);
        if (channel == null || service == null) {
            throw new GuichetException(SupportError.WHAT_IF_INVALID);
        }
        var assurance = findings.hasSecondFactor(agent) ? Assurance.MFA : Assurance.PASSWORD;
        var decision = policy.evaluate(agent, channel, assurance, service);
        var explanation = explanations.explain(decision, agent, locale);
        record(
                by,
                agent,
                "HelpdeskWhatIf",
                null,
                Map.of(
                        "channel", channel.name(),
                        "service", service.id(),
                        "allowed", decision.allowed()));
        return new WhatIf(
                service.id(),
                service.name(locale),
                channel,
                decision.allowed(),
                decision.denial() == null ? null : decision.denial().name(),
                explanation == null ? null : explanation.message());
    }

    /** The agent an SOI names, whatever their status. */
    public AgentProfile agent(String soi) {
        if (!AgentId.isSoi(soi)) {
            throw new GuichetException(SupportError.AGENT_NOT_FOUND);
        }
        return directory
                .findById(AgentId.of(soi))
                .orElseThrow(() -> new GuichetException(SupportError.AGENT_NOT_FOUND));
    }

    /** The sign-in failures and wrong codes of the last 24 hours, newest first (ten at most). */
    private List<JournalEntry> recentFailures(AgentId agent) {
        var since = DisplayZone.today(clock).minusDays(1);
        return journal.search(new JournalQuery(agent.soi(), null, since, null, null), null, 200).stream()
                .filter(entry -> agent.soi().equals(entry.subject()))
                .filter(entry -> entry.type().equals(Journaled.typeOf(SignInFailed.class))
                        || entry.type().equals(Journaled.typeOf(SecondFactorFailed.class)))
                .filter(entry -> entry.at().isAfter(clock.instant().minus(java.time.Duration.ofHours(24))))
                .limit(10)
                .toList();
    }

    private AgentProfile actedOn(Helpdesk by, String soi) {
        var agent = agent(soi);
        if (agent.id().equals(by.agent())) {
            throw new GuichetException(SupportError.SELF_SERVICE_ONLY);
        }
        return agent;
    }

    private AgentProfile activeActedOn(Helpdesk by, String soi) {
        var agent = actedOn(by, soi);
        if (!agent.isActive()) {
            throw new GuichetException(SupportError.AGENT_NOT_ACTIVE);
        }
        return agent;
    }

    private static String reason(@Nullable String reason) {
        var stripped = reason == null ? "" : reason.strip();
        if (stripped.length() < 3) {
            throw new GuichetException(SupportError.REASON_REQUIRED);
        }
        if (stripped.length() > REASON_MAX) {
            throw new GuichetException(SupportError.REASON_TOO_LONG);
        }
        return stripped;
    }

    private static @Nullable Channel channel(@Nullable String name) {
        for (var channel : Channel.values()) {
            if (channel.name().equalsIgnoreCase(String.valueOf(name))) {
                return channel;
            }
        }
        return null;
    }

    private void record(Helpdesk by, AgentProfile agent, String type, @Nullable String reason, Map<String, ?> details) {
        var all = new LinkedHashMap<String, Object>();
        if (reason != null) {
            all.put("reason", reason);
        }
        all.putAll(details);
        journal.record(new NewEntry(
                clock.instant(),
                type,
                by.agent().soi(),
                agent.id().soi(),
                by.connection().address(),
                by.connection().channel().name(),
                all,
                false));
    }
}
