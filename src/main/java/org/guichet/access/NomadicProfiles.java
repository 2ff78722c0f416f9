package org.guichet.access;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.guichet.access.nomadic.NomadicProfileRepository;
import org.guichet.approval.ApprovalKind;
import org.guichet.approval.ApprovalManagement;
import org.guichet.approval.ApprovalSubject;
import org.guichet.directory.AgentId;
import org.guichet.directory.AgentProfile;
import org.guichet.directory.DirectoryManagement;
import org.guichet.platform.DisplayZone;
import org.guichet.platform.GuichetException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Remote access ("nomadic profiles"): an agent asks, giving a reason and an optional last day; their manager approves
 * or rejects (the approval module); IT support activates (or activation is automatic when configured); the profile
 * lasts until that last day or for at most 12 months, when the manager is asked to confirm it. A department or
 * manager change, a suspension or a departure withdraws it. Each step is kept in the profile's timeline and published.
 */
@Service
public class NomadicProfiles {

    /** The approval kind of a request. */
    public static final ApprovalKind REQUEST = new ApprovalKind("nomadic-profile");
    /** The approval kind of the yearly confirmation. */
    public static final ApprovalKind RECERTIFICATION = new ApprovalKind("nomadic-recertification");

    private final NomadicProfileRepository profiles;
    private final ApprovalManagement approvals;
    private final DirectoryManagement directory;
    private final ApplicationEventPublisher events;
    private final AccessSettings.Nomadic settings;
    private final Clock clock;

    NomadicProfiles(
            NomadicProfileRepository profiles,
            ApprovalManagement approvals,
            DirectoryManagement directory,
            ApplicationEventPublisher events,
            AccessSettings settings,
            Clock clock) {
        this.profiles = profiles;
        this.approvals = approvals;
        this.directory = directory;
        this.events = events;
        this.settings = settings.nomadic();
        this.clock = clock;
    }

    /** The agent's profile as it stands today (an active profile past its last day counts as expired). */
    @Transactional(readOnly = true)
    public NomadicState state(AgentId agent) {
        return profiles.find(agent).map(this::effectiveState).orElse(NomadicState.NONE);
    }

    /** The agent's profile with the timeline of its current request. */
    @Transactional(readOnly = true)
    public NomadicStatus status(AgentId agent) {
        return profiles.find(agent).map(this::status).orElseGet(() -> NomadicStatus.none(agent));
    }

    /** Profiles in this state (IT support's list: {@code APPROVED} ones wait for them). */
    @Transactional(readOnly = true)
    public List<NomadicStatus> inState(NomadicState state) {
        return profiles.inState(state).stream().map(this::status).toList();
    }

    /** The last day an agent may ask for, from today. */
    public LocalDate latestEndDate() {
        return DisplayZone.today(clock).plus(settings.longest());
    }

    public int reasonMaxLength() {
        return settings.reasonMaxLength();
    }

    /** Asks for remote access; the request goes to the agent's manager. */
    @Transactional
    public NomadicStatus request(AgentId agent, @Nullable String reason, @Nullable LocalDate endDate) {
        var text = reason == null ? "" : reason.strip();
        if (text.isEmpty()) {
            throw new GuichetException(NomadicError.REASON_REQUIRED);
        }
        if (text.length() > settings.reasonMaxLength()) {
            throw new GuichetException(NomadicError.REASON_TOO_LONG, settings.reasonMaxLength());
        }
        var today = DisplayZone.today(clock);
        if (endDate != null && (endDate.isBefore(today) || endDate.isAfter(latestEndDate()))) {
            throw new GuichetException(NomadicError.END_DATE_INVALID, DisplayZone.DATE.format(latestEndDate()));
        }
        var profile = directory.findById(agent).orElseThrow(() -> new GuichetException(NomadicError.PROFILE_NOT_FOUND));
        var manager = profile.managerId() == null
                ? null
                : directory
                        .findById(profile.managerId())
                        .filter(AgentProfile::isActive)
                        .orElse(null);
        if (manager == null) {
            throw new GuichetException(NomadicError.NO_MANAGER);
        }
        var now = clock.instant();
        if (!profiles.open(agent, text, endDate, manager.id(), now)) {
            throw new GuichetException(NomadicError.ALREADY_REQUESTED);
        }
        profiles.step(agent, "REQUESTED", agent, text, now);
        approvals.submit(new ApprovalSubject(REQUEST, agent.soi(), agent, text, null, endDate), manager.id());
        events.publishEvent(new NomadicProfileRequested(agent, manager.id(), text, endDate, now));
        return status(agent);
    }

    /** IT support activates an approved profile. */
    @Transactional
    public NomadicStatus activate(AgentId agent, AgentId by) {
        var row = profiles.find(agent).orElseThrow(() -> new GuichetException(NomadicError.PROFILE_NOT_FOUND));
        if (!activate(row, by)) {
            throw new GuichetException(NomadicError.NOT_APPROVED);
        }
        return status(agent);
    }

    /** Activates an approved profile (by nobody when automatic); tells whether it did. */
    boolean activate(NomadicProfileRepository.Row row, @Nullable AgentId by) {
        var now = clock.instant();
        var validUntil = lastDay(row.endDate(), DisplayZone.today(clock).plus(settings.longest()));
        if (!profiles.activate(row.agent(), validUntil, now)) {
            return false;
        }
        profiles.step(row.agent(), "ACTIVATED", by, null, now);
        events.publishEvent(new NomadicProfileActivated(row.agent(), by, validUntil, now));
        return true;
    }

    /** The last day of a profile: the one the agent chose, unless it comes after the longest term. */
    static LocalDate lastDay(@Nullable LocalDate chosen, LocalDate longest) {
        return chosen != null && chosen.isBefore(longest) ? chosen : longest;
    }

    /** Whether approved profiles are activated without IT support. */
    boolean autoActivate() {
        return settings.autoActivate();
    }

    /** Withdraws whatever the agent has open (a request, an active profile); tells whether there was one. */
    @Transactional
    public boolean deactivate(AgentId agent, String cause) {
        var row = profiles.find(agent).orElse(null);
        if (row == null || row.state().closed()) {
            return false;
        }
        var now = clock.instant();
        if (!profiles.move(agent, Set.of(row.state()), NomadicState.DEACTIVATED, now)) {
            return false;
        }
        approvals.cancel(REQUEST, agent.soi());
        approvals.cancel(RECERTIFICATION, agent.soi());
        profiles.step(agent, "DEACTIVATED", null, cause, now);
        events.publishEvent(new NomadicProfileDeactivated(agent, row.state(), cause, now));
        return true;
    }

    private NomadicState effectiveState(NomadicProfileRepository.Row row) {
        if (row.state() == NomadicState.ACTIVE
                && row.validUntil() != null
                && row.validUntil().isBefore(DisplayZone.today(clock))) {
            return NomadicState.EXPIRED;
        }
        return row.state();
    }

    private NomadicStatus status(NomadicProfileRepository.Row row) {
        var timeline = profiles.steps(row.agent(), row.requestedAt()).stream()
                .map(step -> new NomadicStatus.Step(
                        step.at(), step.step(), step.actor() == null ? null : name(step.actor()), step.comment()))
                .toList();
        return new NomadicStatus(
                row.agent(),
                effectiveState(row),
                row.reason(),
                row.endDate(),
                row.validUntil(),
                row.approver() == null ? null : name(row.approver()),
                row.requestedAt(),
                timeline);
    }

    private String name(AgentId agent) {
        return directory.displayName(agent);
    }
}
