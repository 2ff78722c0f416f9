package org.guichet.leave;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.guichet.approval.ApprovalKind;
import org.guichet.approval.ApprovalManagement;
import org.guichet.approval.ApprovalSubject;
import org.guichet.directory.AgentId;
import org.guichet.directory.AgentProfile;
import org.guichet.directory.DirectoryManagement;
import org.guichet.leave.domain.LeaveChecks;
import org.guichet.leave.domain.LeaveRepository;
import org.guichet.leave.domain.WorkingDays;
import org.guichet.platform.DisplayZone;
import org.guichet.platform.GuichetException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What agents, managers, HR and other modules may do with leave requests and absences. Every change to an agent's
 * requests happens with their leave profile locked, and their days move on the balance in the same transaction
 * ({@link LeaveBalances}): two requests at once never overdraw a balance nor overlap.
 */
@Service
public class LeaveManagement {

    /** The approval kind of leave requests. */
    static final ApprovalKind APPROVAL_KIND = new ApprovalKind("leave");

    private final LeaveRepository leave;
    private final LeaveBalances balances;
    private final DirectoryManagement directory;
    private final ApprovalManagement approvals;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;
    private final LeaveSettings settings;
    private final Clock clock;

    LeaveManagement(
            LeaveRepository leave,
            LeaveBalances balances,
            DirectoryManagement directory,
            ApprovalManagement approvals,
            ApplicationEventPublisher events,
            MessageSource messages,
            LeaveSettings settings,
            Clock clock) {
        this.leave = leave;
        this.balances = balances;
        this.directory = directory;
        this.approvals = approvals;
        this.events = events;
        this.messages = messages;
        this.settings = settings;
        this.clock = clock;
    }

    /** The agent's requests and absences, latest first. */
    @Transactional(readOnly = true)
    public List<LeaveRequest> requests(AgentId agent) {
        return leave.of(agent);
    }

    /** Asks for leave: checked, counted in working days, held on the balance, and put to the manager. */
    @Transactional
    public LeaveRequest request(AgentId agent, LeaveCommand command) {
        var type = command.type();
        if (type == null) {
            throw new GuichetException(LeaveError.TYPE_REQUIRED);
        }
        if (!type.requestable()) {
            throw new GuichetException(LeaveError.TYPE_NOT_REQUESTABLE);
        }
        LeaveChecks.checkPeriod(command, DisplayZone.today(clock), settings.bookAhead());
        var comment = LeaveChecks.comment(command.comment(), type == LeaveType.EXCEPTIONAL);
        var profile = balances.lockedProfile(agent);
        var count = counted(command, profile);
        LeaveChecks.checkOverlap(command, leave.holding(agent, command.start(), command.end()));
        var manager = directory.findById(agent).map(AgentProfile::managerId).orElse(null);
        if (manager == null) {
            throw new GuichetException(LeaveError.NO_MANAGER);
        }
        var now = clock.instant();
        var request = LeaveRequest.asked(agent, type, command, count.days(), comment, now);
        if (type.counted()) {
            balances.reserve(request, profile);
        }
        leave.insert(request, command.start().getYear(), count.outsideSummer(), manager);
        putTo(request, manager);
        events.publishEvent(new LeaveRequested(
                request.id(), agent, type, request.start(), request.end(), request.days(), manager, now));
        return request;
    }

    /** Cancels the agent's own request before it starts; an approved one gives its days back and tells the manager. */
    @Transactional
    public LeaveRequest cancel(AgentId agent, LeaveRequestId id) {
        leave.find(id)
                .filter(request -> request.agent().equals(agent))
                .orElseThrow(() -> new GuichetException(LeaveError.REQUEST_NOT_FOUND));
        balances.lock(agent);
        var request = leave.find(id).orElseThrow();
        var move = request.cancel(DisplayZone.today(clock), clock.instant());
        if (!save(move)) {
            throw new GuichetException(LeaveError.NOT_CANCELLABLE);
        }
        if (request.state() == LeaveState.PENDING) {
            approvals.cancel(APPROVAL_KIND, id.toString());
        }
        return leave.find(id).orElseThrow();
    }

    /** HR enters an absence only HR enters (sick leave): recorded as approved, on no balance. */
    @Transactional
    public LeaveRequest recordAbsence(AgentId hr, AgentId agent, LeaveCommand command) {
        var type = command.type() == null ? LeaveType.SICK : command.type();
        if (type.requestable()) {
            throw new GuichetException(LeaveError.TYPE_NOT_REQUESTABLE);
        }
        if (directory.findById(agent).isEmpty()) {
            throw new GuichetException(LeaveError.REQUEST_NOT_FOUND);
        }
        LeaveChecks.checkDates(command);
        var comment = LeaveChecks.comment(command.comment(), false);
        var count = counted(command, balances.lockedProfile(agent));
        LeaveChecks.checkOverlap(command, leave.holding(agent, command.start(), command.end()));
        var now = clock.instant();
        var absence = LeaveRequest.recorded(agent, type, command, count.days(), comment, now, hr);
        leave.insert(absence, command.start().getYear(), count.outsideSummer(), null);
        events.publishEvent(new AbsenceRecorded(absence.id(), agent, type, absence.start(), absence.end(), hr, now));
        return absence;
    }

    /** Approved leave and absences of these agents that touch the days from {@code from} to {@code to}. */
    @Transactional(readOnly = true)
    public List<LeaveRequest> approved(Collection<AgentId> agents, java.time.LocalDate from, java.time.LocalDate to) {
        return leave.between(agents, from, to, Set.of(LeaveState.APPROVED));
    }

    /** What a manager's team has asked for or been granted, touching the days from {@code from} to {@code to}. */
    @Transactional(readOnly = true)
    public List<LeaveRequest> team(Collection<AgentId> agents, java.time.LocalDate from, java.time.LocalDate to) {
        return leave.between(agents, from, to, Set.of(LeaveState.APPROVED, LeaveState.PENDING));
    }

    public LeaveSettings settings() {
        return settings;
    }

    /** Puts the agent's waiting requests to their new manager (after a transfer). */
    @Transactional
    public void reroute(AgentId agent, AgentId manager) {
        for (var request : leave.of(agent)) {
            if (request.state() == LeaveState.PENDING) {
                approvals.cancel(APPROVAL_KIND, request.id().toString());
                leave.setApprover(request.id(), manager);
                putTo(request, manager);
            }
        }
    }

    /**
     * The manager's decision moves the request and its days (called inside the deciding transaction); nothing when
     * the request no longer waits.
     */
    void decided(LeaveRequestId id, boolean approve, AgentId by, @Nullable String comment, Instant at) {
        var request = leave.find(id).orElse(null);
        if (request == null) {
            return;
        }
        balances.lock(request.agent());
        if (request.state() == LeaveState.PENDING) {
            save(request.decide(approve, by, comment, at));
        }
    }

    /** Saves a move, moves its days and publishes its event; false when the request moved meanwhile. */
    private boolean save(LeaveRequest.Move move) {
        if (!leave.save(move)) {
            return false;
        }
        balances.apply(move);
        events.publishEvent(move.event());
        return true;
    }

    private WorkingDays.Count counted(LeaveCommand command, LeaveProfile profile) {
        return LeaveChecks.checkCounted(WorkingDays.count(
                command.start(),
                command.end(),
                command.startHalfDay(),
                command.endHalfDay(),
                profile.daysOff(),
                settings.alsaceMoselle()));
    }

    /** Puts the request to the manager through the approval module. */
    private void putTo(LeaveRequest request, AgentId manager) {
        approvals.submit(
                new ApprovalSubject(
                        APPROVAL_KIND,
                        request.id().toString(),
                        request.agent(),
                        details(request),
                        request.start(),
                        request.end()),
                manager);
    }

    /** What the approver reads (in French: approval details are stored as written). */
    private String details(LeaveRequest request) {
        var type = messages.getMessage("leave.type." + request.type().name(), null, Locale.FRENCH);
        var text = messages.getMessage(
                "leave.approval.details",
                new Object[] {
                    type,
                    request.days().stripTrailingZeros().toPlainString(),
                    DisplayZone.DATE.format(request.start()),
                    DisplayZone.DATE.format(request.end())
                },
                Locale.FRENCH);
        return request.comment() == null ? text : text + " – « " + request.comment() + " »";
    }
}
