package org.guichet.access;

import java.time.Clock;
import java.util.Set;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.guichet.access.nomadic.NomadicProfileRepository;
import org.guichet.approval.ApprovalDecided;
import org.guichet.approval.ApprovalHandler;
import org.guichet.approval.ApprovalManagement;
import org.guichet.approval.ApprovalSubject;
import org.guichet.directory.AgentStatus;
import org.guichet.directory.AgentStatusChanged;
import org.guichet.directory.AgentTransferred;
import org.guichet.directory.DirectoryManagement;
import org.guichet.platform.DisplayZone;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What moves profiles besides the agent and IT support: the manager's decisions (inside the deciding transaction),
 * the directory's changes (a new department or manager, a suspension, a departure withdraw the profile), and time
 * (profiles past their last day expire; those reaching their longest term are put to the manager for confirmation).
 */
@Component
class NomadicLifecycle {

    private final NomadicProfiles nomadic;
    private final NomadicProfileRepository profiles;
    private final ApprovalManagement approvals;
    private final DirectoryManagement directory;
    private final ApplicationEventPublisher events;
    private final AccessSettings.Nomadic settings;
    private final Clock clock;

    NomadicLifecycle(
            NomadicProfiles nomadic,
            NomadicProfileRepository profiles,
            ApprovalManagement approvals,
            DirectoryManagement directory,
            ApplicationEventPublisher events,
            AccessSettings settings,
            Clock clock) {
        this.nomadic = nomadic;
        this.profiles = profiles;
        this.approvals = approvals;
        this.directory = directory;
        this.events = events;
        this.settings = settings.nomadic();
        this.clock = clock;
    }

    /** A manager decided on a request: the profile moves in the deciding transaction. */
    @Bean
    static ApprovalHandler nomadicRequests(NomadicLifecycle lifecycle) {
        return ApprovalHandler.of(NomadicProfiles.REQUEST, lifecycle::decided);
    }

    /** A manager decided whether a profile at its longest term goes on: it moves in the deciding transaction. */
    @Bean
    static ApprovalHandler nomadicRecertifications(NomadicLifecycle lifecycle) {
        return ApprovalHandler.of(NomadicProfiles.RECERTIFICATION, lifecycle::confirmed);
    }

    void decided(ApprovalDecided decision) {
        var agent = decision.requester();
        var to = decision.approved() ? NomadicState.APPROVED : NomadicState.REJECTED;
        if (!profiles.move(agent, Set.of(NomadicState.REQUESTED), to, decision.at())) {
            return;
        }
        profiles.step(agent, to.name(), decision.decidedBy(), decision.comment(), decision.at());
        if (!decision.approved()) {
            events.publishEvent(
                    new NomadicProfileRejected(agent, decision.decidedBy(), decision.comment(), decision.at()));
            return;
        }
        events.publishEvent(new NomadicProfileApproved(agent, decision.decidedBy(), decision.comment(), decision.at()));
        if (nomadic.autoActivate()) {
            profiles.find(agent).ifPresent(row -> nomadic.activate(row, null));
        }
    }

    void confirmed(ApprovalDecided decision) {
        var agent = decision.requester();
        var row = profiles.find(agent).orElse(null);
        if (row == null || row.state() != NomadicState.ACTIVE || row.validUntil() == null) {
            return;
        }
        if (!decision.approved()) {
            if (profiles.move(agent, Set.of(NomadicState.ACTIVE), NomadicState.EXPIRED, decision.at())) {
                profiles.step(agent, "NOT_CONFIRMED", decision.decidedBy(), decision.comment(), decision.at());
                events.publishEvent(new NomadicProfileExpired(agent, decision.at()));
            }
            return;
        }
        var validUntil = NomadicProfiles.lastDay(row.endDate(), row.validUntil().plus(settings.longest()));
        if (profiles.renew(agent, validUntil, decision.at())) {
            profiles.step(agent, "RENEWED", decision.decidedBy(), decision.comment(), decision.at());
            events.publishEvent(new NomadicProfileRenewed(agent, decision.decidedBy(), validUntil, decision.at()));
        }
    }

    /** A new department or manager: the former manager's approval no longer holds. */
    @ApplicationModuleListener
    void on(AgentTransferred event) {
        nomadic.deactivate(event.agent(), "TRANSFERRED");
    }

    /** A suspension or a departure withdraws everything. */
    @ApplicationModuleListener
    void on(AgentStatusChanged event) {
        if (event.to() != AgentStatus.ACTIVE) {
            nomadic.deactivate(event.agent(), event.to().name());
        }
    }

    /**
     * Every hour: profiles past their last day expire; those reaching their longest term within the notice are put to
     * the agent's manager for confirmation. Safe on several nodes: each move is one conditional update.
     */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT19M")
    @SchedulerLock(name = "nomadic-lifecycle", lockAtLeastFor = "PT55M", lockAtMostFor = "PT59M")
    @Transactional
    void expireAndRecertifyOnSchedule() {
        expireAndRecertify();
    }

    @Transactional
    public void expireAndRecertify() {
        var today = DisplayZone.today(clock);
        var now = clock.instant();
        for (var agent : profiles.activeEndingBefore(today)) {
            if (profiles.move(agent, Set.of(NomadicState.ACTIVE), NomadicState.EXPIRED, now)) {
                approvals.cancel(NomadicProfiles.RECERTIFICATION, agent.soi());
                profiles.step(agent, "EXPIRED", null, null, now);
                events.publishEvent(new NomadicProfileExpired(agent, now));
            }
        }
        var notice = today.plusDays(settings.recertifyBefore().toDays());
        for (var row : profiles.dueForRecertification(notice)) {
            var manager = directory
                    .findById(row.agent())
                    .map(agent -> agent.managerId())
                    .orElse(null);
            if (manager != null && profiles.markRecertificationPending(row.agent(), now)) {
                approvals.submit(
                        new ApprovalSubject(
                                NomadicProfiles.RECERTIFICATION,
                                row.agent().soi(),
                                row.agent(),
                                row.reason(),
                                null,
                                row.validUntil()),
                        manager);
                profiles.step(row.agent(), "CONFIRMATION_ASKED", null, null, now);
            }
        }
    }
}
