package org.guichet.leave;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
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
import org.guichet.leave.domain.LeaveRepository;
import org.guichet.leave.domain.Rights;
import org.guichet.leave.domain.WorkingDays;
import org.guichet.platform.DisplayZone;
import org.guichet.platform.GuichetException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What agents, managers, HR and other modules may do with leave. Every change to an agent's requests and balances
 * happens with their leave profile locked, and balances move only by conditional updates: two requests at once never
 * overdraw a balance nor overlap.
 */
@Service
public class LeaveManagement {

    /** The approval kind of leave requests. */
    public static final ApprovalKind APPROVAL_KIND = new ApprovalKind("leave");

    public static final int COMMENT_MAX_LENGTH = 500;

    private final LeaveRepository leave;
    private final DirectoryManagement directory;
    private final ApprovalManagement approvals;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;
    private final LeaveSettings settings;
    private final Clock clock;

    LeaveManagement(
            LeaveRepository leave,
            DirectoryManagement directory,
            ApprovalManagement approvals,
            ApplicationEventPublisher events,
            MessageSource messages,
            LeaveSettings settings,
            Clock clock) {
        this.leave = leave;
        this.directory = directory;
        this.approvals = approvals;
        this.events = events;
        this.messages = messages;
        this.settings = settings;
        this.clock = clock;
    }

    /** The agent's balances of the year (annual leave, RTT) and their time-savings account. */
    @Transactional
    public List<Balance> balances(AgentId agent, int year) {
        ensureBalances(agent, year, profile(agent));
        return leave.balances(agent, year).stream()
                .sorted(java.util.Comparator.comparing(Balance::type))
                .toList();
    }

    /** The agent's requests and absences, latest first. */
    @Transactional(readOnly = true)
    public List<LeaveRequest> requests(AgentId agent) {
        return leave.of(agent);
    }

    /** What HR recorded for the agent, or the defaults when nothing. */
    @Transactional(readOnly = true)
    public LeaveProfile profile(AgentId agent) {
        return leave.profile(agent).orElseGet(this::defaultProfile);
    }

    /** Working days between two days for this agent (a preview of what a request would count). */
    @Transactional(readOnly = true)
    public WorkingDays.Count count(AgentId agent, LocalDate start, LocalDate end, boolean startHalf, boolean endHalf) {
        return WorkingDays.count(start, end, startHalf, endHalf, profile(agent).daysOff(), settings.alsaceMoselle());
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
        var today = DisplayZone.today(clock);
        checkPeriod(command, today);
        var comment = comment(command.comment(), type == LeaveType.EXCEPTIONAL);
        var profile = lockedProfile(agent);
        var count = counted(command, profile);
        checkOverlap(agent, command);
        var manager = directory.findById(agent).map(AgentProfile::managerId).orElse(null);
        if (manager == null) {
            throw new GuichetException(LeaveError.NO_MANAGER);
        }
        var year = command.start().getYear();
        if (type.counted()) {
            ensureBalances(agent, year, profile);
            var balanceYear = type == LeaveType.CET ? LeaveRepository.NO_YEAR : year;
            if (!leave.reserve(agent, balanceYear, type, count.days())) {
                var remaining = leave.balances(agent, year).stream()
                        .filter(balance -> balance.type() == type)
                        .map(Balance::remaining)
                        .findFirst()
                        .orElse(BigDecimal.ZERO);
                throw new GuichetException(
                        LeaveError.INSUFFICIENT_BALANCE,
                        remaining.stripTrailingZeros().toPlainString(),
                        count.days().stripTrailingZeros().toPlainString());
            }
        }
        var now = clock.instant();
        var request = create(agent, type, command, count.days(), comment, LeaveState.PENDING, now, null);
        leave.insert(request, year, count.outsideSummer(), manager);
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
        leave.lock(agent);
        var request = leave.find(id).orElseThrow();
        var now = clock.instant();
        if (!request.cancellable(DisplayZone.today(clock))
                || !leave.move(id, request.state(), LeaveState.CANCELLED, null, now, null)) {
            throw new GuichetException(LeaveError.NOT_CANCELLABLE);
        }
        var approved = request.state() == LeaveState.APPROVED;
        if (approved) {
            giveBack(request, BigDecimal.ZERO, request.days().negate());
        } else {
            approvals.cancel(APPROVAL_KIND, id.toString());
            giveBack(request, request.days().negate(), BigDecimal.ZERO);
        }
        events.publishEvent(new LeaveRequestCancelled(
                id, agent, request.type(), request.start(), request.end(), approved ? request.decidedBy() : null, now));
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
        checkDates(command);
        var comment = comment(command.comment(), false);
        var profile = lockedProfile(agent);
        var count = counted(command, profile);
        checkOverlap(agent, command);
        var now = clock.instant();
        var absence = create(agent, type, command, count.days(), comment, LeaveState.APPROVED, now, hr);
        leave.insert(absence, command.start().getYear(), count.outsideSummer(), null);
        events.publishEvent(new AbsenceRecorded(absence.id(), agent, type, absence.start(), absence.end(), hr, now));
        return absence;
    }

    /** HR records what an agent's rights follow from; this year's and later balances follow. */
    @Transactional
    public LeaveProfile changeProfile(AgentId agent, LeaveProfile profile) {
        if (profile.workingTime() < 10
                || profile.workingTime() > 100
                || profile.weeklyHours().compareTo(BigDecimal.valueOf(20)) < 0
                || profile.weeklyHours().compareTo(BigDecimal.valueOf(48)) > 0
                || profile.daysOff().contains(DayOfWeek.SATURDAY)
                || profile.daysOff().contains(DayOfWeek.SUNDAY)
                || directory.findById(agent).isEmpty()) {
            throw new GuichetException(LeaveError.PROFILE_INVALID);
        }
        lockedProfile(agent);
        leave.saveProfile(agent, profile, clock.instant());
        var year = DisplayZone.today(clock).getYear();
        for (var type : List.of(LeaveType.ANNUAL, LeaveType.RTT)) {
            for (var y = year; y <= year + 1; y++) {
                leave.ensureBalance(agent, y, type, Rights.of(type, y, profile, settings));
                leave.setBase(agent, y, type, Rights.of(type, y, profile, settings));
            }
        }
        return profile;
    }

    /**
     * Saves unused days of this year on the time-savings account: whole or half days, from annual leave once enough
     * of it was taken this year, or from RTT, up to the account's limit.
     */
    @Transactional
    public Balance deposit(AgentId agent, LeaveType from, BigDecimal days) {
        var year = DisplayZone.today(clock).getYear();
        var profile = lockedProfile(agent);
        ensureBalances(agent, year, profile);
        var halves = days.multiply(BigDecimal.TWO);
        var minimum = BigDecimal.valueOf(settings.cet().minAnnualTaken())
                .multiply(BigDecimal.valueOf(profile.workingTime()).movePointLeft(2));
        if ((from != LeaveType.ANNUAL && from != LeaveType.RTT)
                || days.signum() <= 0
                || halves.stripTrailingZeros().scale() > 0
                || (from == LeaveType.ANNUAL
                        && leave.approvedDays(agent, year, LeaveType.ANNUAL).compareTo(minimum) < 0)
                || !leave.spend(agent, year, from, days)
                || !leave.credit(agent, days, settings.cet().maxBalance())) {
            throw new GuichetException(
                    LeaveError.DEPOSIT_INVALID,
                    settings.cet().minAnnualTaken(),
                    settings.cet().maxBalance());
        }
        leave.recordDeposit(agent, year, from, days, clock.instant());
        return leave.balances(agent, year).stream()
                .filter(balance -> balance.type() == LeaveType.CET)
                .findFirst()
                .orElseThrow();
    }

    /** Approved leave and absences of these agents that touch the days from {@code from} to {@code to}. */
    @Transactional(readOnly = true)
    public List<LeaveRequest> approved(Collection<AgentId> agents, LocalDate from, LocalDate to) {
        return leave.between(agents, from, to, Set.of(LeaveState.APPROVED));
    }

    /** What a manager's team has asked for or been granted, touching the days from {@code from} to {@code to}. */
    @Transactional(readOnly = true)
    public List<LeaveRequest> team(Collection<AgentId> agents, LocalDate from, LocalDate to) {
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

    /** The manager's decision moves the request and its days (called inside the deciding transaction). */
    void decided(
            LeaveRequestId id, boolean approvedDecision, AgentId by, @Nullable String comment, java.time.Instant at) {
        var request = leave.find(id).orElse(null);
        if (request == null) {
            return;
        }
        leave.lock(request.agent());
        var to = approvedDecision ? LeaveState.APPROVED : LeaveState.REJECTED;
        if (!leave.move(id, LeaveState.PENDING, to, by, at, comment)) {
            return;
        }
        giveBack(request, request.days().negate(), approvedDecision ? request.days() : BigDecimal.ZERO);
        events.publishEvent(new LeaveRequestDecided(
                id,
                request.agent(),
                request.type(),
                request.start(),
                request.end(),
                approvedDecision,
                by,
                comment,
                at));
    }

    /** Moves a request's days on its balance, then recomputes the "fractionnement" days of annual leave. */
    private void giveBack(LeaveRequest request, BigDecimal pendingChange, BigDecimal takenChange) {
        if (!request.type().counted()) {
            return;
        }
        var year = request.start().getYear();
        var balanceYear = request.type() == LeaveType.CET ? LeaveRepository.NO_YEAR : year;
        leave.adjust(request.agent(), balanceYear, request.type(), pendingChange, takenChange);
        if (request.type() == LeaveType.ANNUAL) {
            var outside = leave.approvedOutsideSummer(request.agent(), year);
            var rule = settings.fractionnement();
            var bonus = outside.compareTo(BigDecimal.valueOf(rule.twoFrom())) >= 0
                    ? 2
                    : outside.compareTo(BigDecimal.valueOf(rule.oneFrom())) >= 0 ? 1 : 0;
            leave.setBonus(request.agent(), year, LeaveType.ANNUAL, BigDecimal.valueOf(bonus));
        }
    }

    private static LeaveRequest create(
            AgentId agent,
            LeaveType type,
            LeaveCommand command,
            BigDecimal days,
            @Nullable String comment,
            LeaveState state,
            java.time.Instant now,
            @Nullable AgentId decidedBy) {
        return new LeaveRequest(
                LeaveRequestId.random(),
                agent,
                type,
                java.util.Objects.requireNonNull(command.start()),
                java.util.Objects.requireNonNull(command.end()),
                command.startHalfDay(),
                command.endHalfDay(),
                days,
                comment,
                state,
                now,
                decidedBy,
                decidedBy == null ? null : now,
                null);
    }

    private void ensureBalances(AgentId agent, int year, LeaveProfile profile) {
        for (var type : List.of(LeaveType.ANNUAL, LeaveType.RTT)) {
            leave.ensureBalance(agent, year, type, Rights.of(type, year, profile, settings));
        }
        leave.ensureBalance(agent, LeaveRepository.NO_YEAR, LeaveType.CET, BigDecimal.ZERO);
    }

    private LeaveProfile lockedProfile(AgentId agent) {
        leave.ensureProfile(agent, defaultProfile(), clock.instant());
        leave.lock(agent);
        return leave.profile(agent).orElseThrow();
    }

    private LeaveProfile defaultProfile() {
        return new LeaveProfile(100, settings.defaultWeeklyHours(), Set.of(), null);
    }

    private void checkPeriod(LeaveCommand command, LocalDate today) {
        checkDates(command);
        if (command.start().isBefore(today)) {
            throw new GuichetException(LeaveError.START_IN_PAST);
        }
        if (command.start().isAfter(today.plusMonths(settings.bookAhead()))) {
            throw new GuichetException(LeaveError.TOO_FAR_AHEAD, settings.bookAhead());
        }
    }

    private static void checkDates(LeaveCommand command) {
        if (command.start() == null) {
            throw new GuichetException(LeaveError.START_REQUIRED);
        }
        if (command.end() == null) {
            throw new GuichetException(LeaveError.END_REQUIRED);
        }
        if (command.end().isBefore(command.start())) {
            throw new GuichetException(LeaveError.END_BEFORE_START);
        }
        if (command.start().getYear() != command.end().getYear()) {
            throw new GuichetException(LeaveError.SPANS_YEARS, command.start().getYear());
        }
        if (command.start().equals(command.end()) && command.startHalfDay() && command.endHalfDay()) {
            throw new GuichetException(LeaveError.HALF_DAYS_INVALID);
        }
    }

    private WorkingDays.Count counted(LeaveCommand command, LeaveProfile profile) {
        var count = WorkingDays.count(
                command.start(),
                command.end(),
                command.startHalfDay(),
                command.endHalfDay(),
                profile.daysOff(),
                settings.alsaceMoselle());
        if (count.days().signum() == 0) {
            throw new GuichetException(LeaveError.NO_WORKING_DAY);
        }
        return count;
    }

    /** Refuses a period that shares a half day with a pending or approved request (the agent's lock is held). */
    private void checkOverlap(AgentId agent, LeaveCommand command) {
        var first = halfDay(command.start(), command.startHalfDay());
        var last = halfDay(command.end(), true) - (command.endHalfDay() ? 1 : 0);
        for (var other : leave.holding(agent, command.start(), command.end())) {
            var otherFirst = halfDay(other.start(), other.startHalfDay());
            var otherLast = halfDay(other.end(), true) - (other.endHalfDay() ? 1 : 0);
            if (first <= otherLast && otherFirst <= last) {
                throw new GuichetException(
                        LeaveError.OVERLAPS,
                        DisplayZone.DATE.format(other.start()),
                        DisplayZone.DATE.format(other.end()));
            }
        }
    }

    /** A half day's number: the morning of a day, or its afternoon. */
    private static long halfDay(LocalDate day, boolean afternoon) {
        return day.toEpochDay() * 2 + (afternoon ? 1 : 0);
    }

    private static @Nullable String comment(@Nullable String text, boolean required) {
        var comment = text == null ? "" : text.strip();
        if (comment.length() > COMMENT_MAX_LENGTH) {
            throw new GuichetException(LeaveError.COMMENT_TOO_LONG, COMMENT_MAX_LENGTH);
        }
        if (comment.isEmpty() && required) {
            throw new GuichetException(LeaveError.COMMENT_REQUIRED);
        }
        return comment.isEmpty() ? null : comment;
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
