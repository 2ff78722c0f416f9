package org.guichet.approval;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.guichet.approval.domain.ApprovalRepository;
import org.guichet.directory.AgentId;
import org.guichet.directory.AgentProfile;
import org.guichet.directory.DirectoryManagement;
import org.guichet.directory.Role;
import org.guichet.platform.DisplayZone;
import org.guichet.platform.GuichetException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.Assert;

/**
 * What other modules may ask of approvals: submit an item to an approver, list what waits for someone, decide, cancel,
 * delegate. A decision calls the {@link ApprovalHandler} of its kind inside its transaction, then publishes {@link
 * ApprovalDecided}: the asking module moves its subject on in the same transaction, so a decision and its effect are
 * written together or not at all.
 */
@Service
public class ApprovalManagement {

    private static final int COMMENT_LIMIT = 1000;

    private final ApprovalRepository approvals;
    private final DirectoryManagement directory;
    private final ApprovalHandlers handlers;
    private final ApplicationEventPublisher events;
    private final ApprovalSettings settings;
    private final Clock clock;

    ApprovalManagement(
            ApprovalRepository approvals,
            DirectoryManagement directory,
            ApprovalHandlers handlers,
            ApplicationEventPublisher events,
            ApprovalSettings settings,
            Clock clock) {
        Assert.notNull(approvals, "approvals must not be null");
        this.approvals = approvals;
        this.directory = directory;
        this.handlers = handlers;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
    }

    /** Submits an item to an approver (usually the requester's manager). */
    @Transactional
    public ApprovalId submit(ApprovalSubject subject, AgentId approver) {
        Assert.isTrue(!approver.equals(subject.requester()), "Nobody approves their own request");
        handlers.requireHandled(subject.kind());
        var id = ApprovalId.random();
        var now = clock.instant();
        approvals.insert(id, subject, approver, now);
        events.publishEvent(new ApprovalRequested(
                id, subject.kind().name(), subject.subject(), subject.requester(), approver, now));
        return id;
    }

    /** What this person may decide today: items waiting for them, or for a manager who delegated to them. */
    @Transactional(readOnly = true)
    public List<ApprovalItem> waitingFor(AgentId person) {
        return approvals.waitingFor(person, today()).stream().map(this::item).toList();
    }

    /** The latest item of this kind about this subject, whatever its state. */
    @Transactional(readOnly = true)
    public Optional<ApprovalItem> latest(ApprovalKind kind, String subject) {
        return approvals.latest(kind.name(), subject).map(this::item);
    }

    @Transactional
    public ApprovalItem approve(ApprovalId id, AgentId person, @Nullable String comment) {
        return decide(id, person, ApprovalState.APPROVED, comment);
    }

    /** Rejects, saying why (the requester is told). */
    @Transactional
    public ApprovalItem reject(ApprovalId id, AgentId person, @Nullable String comment) {
        if (comment == null || comment.isBlank()) {
            throw new GuichetException(ApprovalError.COMMENT_REQUIRED);
        }
        return decide(id, person, ApprovalState.REJECTED, comment);
    }

    private ApprovalItem decide(ApprovalId id, AgentId person, ApprovalState decision, @Nullable String comment) {
        var text = comment == null || comment.isBlank() ? null : comment.strip();
        if (text != null && text.length() > COMMENT_LIMIT) {
            throw new GuichetException(ApprovalError.COMMENT_TOO_LONG, COMMENT_LIMIT);
        }
        var row = approvals.find(id).orElseThrow(() -> new GuichetException(ApprovalError.APPROVAL_NOT_FOUND));
        var today = today();
        var mayDecide = !row.requester().equals(person)
                && (row.approver().equals(person) || approvals.delegated(row.approver(), person, today));
        if (!mayDecide) {
            // decided items stay visible to whoever decided them; anyone else learns nothing
            if (row.state() != ApprovalState.PENDING && person.equals(row.decidedBy())) {
                throw new GuichetException(ApprovalError.ALREADY_DECIDED);
            }
            throw new GuichetException(ApprovalError.APPROVAL_NOT_FOUND);
        }
        var handler = handlers.of(row.kind());
        var onBehalfOf = row.approver().equals(person) ? null : row.approver();
        var now = clock.instant();
        if (!approvals.decide(id, row.approver(), decision, person, onBehalfOf, text, now)) {
            throw new GuichetException(ApprovalError.ALREADY_DECIDED);
        }
        var decided = new ApprovalDecided(
                id,
                row.kind(),
                row.subject(),
                row.requester(),
                decision == ApprovalState.APPROVED,
                person,
                onBehalfOf,
                text,
                now);
        handler.decided(decided);
        events.publishEvent(decided);
        return approvals.find(id).map(this::item).orElseThrow();
    }

    /** Cancels what still waits about this subject (withdrawn, or no longer relevant). */
    @Transactional
    public int cancel(ApprovalKind kind, String subject) {
        return approvals.cancel(kind.name(), subject, clock.instant());
    }

    /**
     * Lets {@code delegate}, another active manager, decide in {@code delegator}'s place from {@code startsOn} to
     * {@code endsOn} (included, at most a year, not in the past).
     */
    @Transactional
    public Delegation delegate(AgentId delegator, AgentId delegate, LocalDate startsOn, LocalDate endsOn) {
        var manager =
                directory.findById(delegator).orElseThrow(() -> new GuichetException(ApprovalError.NOT_A_MANAGER));
        if (!manager.hasRole(Role.MANAGER)) {
            throw new GuichetException(ApprovalError.NOT_A_MANAGER);
        }
        var stand = directory
                .findById(delegate)
                .filter(AgentProfile::isActive)
                .filter(candidate -> candidate.hasRole(Role.MANAGER))
                .filter(candidate -> !candidate.id().equals(delegator))
                .orElseThrow(() -> new GuichetException(ApprovalError.DELEGATE_INVALID));
        var today = today();
        if (endsOn.isBefore(startsOn) || endsOn.isBefore(today) || endsOn.isAfter(startsOn.plusYears(1))) {
            throw new GuichetException(ApprovalError.DELEGATION_DATES_INVALID);
        }
        var id = UUID.randomUUID();
        approvals.insertDelegation(id, delegator, delegate, startsOn, endsOn, clock.instant());
        events.publishEvent(new DelegationGranted(delegator, delegate, startsOn, endsOn));
        return new Delegation(id, delegator, delegate, stand.displayName(), startsOn, endsOn);
    }

    /** A manager's delegations that have not ended. */
    @Transactional(readOnly = true)
    public List<Delegation> delegations(AgentId delegator) {
        return approvals.delegationsOf(delegator, today()).stream()
                .map(row -> new Delegation(
                        row.id(), row.delegator(), row.delegate(), name(row.delegate()), row.startsOn(), row.endsOn()))
                .toList();
    }

    /** Ends a delegation early; tells whether it was the delegator's. */
    @Transactional
    public boolean endDelegation(AgentId delegator, UUID id) {
        return approvals.deleteDelegation(id, delegator);
    }

    /**
     * Reminds approvers of items waiting longer than the reminder delay, and moves items waiting longer than the
     * escalation delay up to the approver's manager (when they have one). Safe on several nodes at once: each reminder
     * and each move is claimed by one conditional update.
     */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT17M")
    @SchedulerLock(name = "approval-reminders", lockAtLeastFor = "PT55M", lockAtMostFor = "PT59M")
    @Transactional
    void remindAndEscalateOnSchedule() {
        remindAndEscalate();
    }

    @Transactional
    public void remindAndEscalate() {
        var now = clock.instant();
        for (var row : approvals.waitingSince(now.minus(settings.escalateAfter()))) {
            var next = directory
                    .findById(row.approver())
                    .map(AgentProfile::managerId)
                    .orElse(null);
            if (next != null
                    && !next.equals(row.requester())
                    && approvals.reassign(row.id(), row.approver(), next, now)) {
                events.publishEvent(
                        new ApprovalEscalated(row.id(), row.kind(), row.requester(), row.approver(), next, now));
            }
        }
        var before = now.minus(settings.remindAfter());
        for (var row : approvals.toRemind(before)) {
            if (approvals.markReminded(row.id(), before, now)) {
                events.publishEvent(
                        new ApprovalOverdue(row.id(), row.kind(), row.requester(), row.approver(), row.submittedAt()));
            }
        }
    }

    private ApprovalItem item(ApprovalRepository.Row row) {
        return new ApprovalItem(
                row.id(),
                row.kind(),
                row.subject(),
                row.requester(),
                name(row.requester()),
                row.details(),
                row.startsOn(),
                row.endsOn(),
                row.state(),
                row.approver(),
                row.submittedAt(),
                !row.approver().equals(row.firstApprover()),
                row.decidedAt(),
                row.decidedBy(),
                row.comment());
    }

    private String name(AgentId agent) {
        return directory.displayName(agent);
    }

    private LocalDate today() {
        return DisplayZone.today(clock);
    }
}
