package org.guichet.leave;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.guichet.directory.AgentId;
import org.guichet.directory.DirectoryManagement;
import org.guichet.leave.domain.BalanceRepository;
import org.guichet.leave.domain.LeaveChecks;
import org.guichet.leave.domain.LeaveRepository;
import org.guichet.leave.domain.Rights;
import org.guichet.leave.domain.WorkingDays;
import org.guichet.platform.DisplayZone;
import org.guichet.platform.GuichetException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An agent's leave rights: the profile HR records, the balances of the year that follow from it, deposits to the
 * time-savings account, and the days requests hold or give back. Balances move only by conditional updates, with the
 * agent's profile locked.
 */
@Service
public class LeaveBalances {

    private final BalanceRepository balances;
    private final LeaveRepository leave;
    private final DirectoryManagement directory;
    private final LeaveSettings settings;
    private final Clock clock;

    LeaveBalances(
            BalanceRepository balances,
            LeaveRepository leave,
            DirectoryManagement directory,
            LeaveSettings settings,
            Clock clock) {
        this.balances = balances;
        this.leave = leave;
        this.directory = directory;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * The agent's balances of the year (annual leave, RTT) and their time-savings account; those missing (the first
     * visit of a year) are created first. Read on every home page: it writes only when one is missing.
     */
    @Transactional
    public List<Balance> balances(AgentId agent, int year) {
        var found = balances.balances(agent, year);
        var present = found.stream().map(Balance::type).collect(java.util.stream.Collectors.toSet());
        if (!present.containsAll(Rights.YEARLY) || !present.contains(LeaveType.CET)) {
            ensureBalances(agent, year, profile(agent));
            found = balances.balances(agent, year);
        }
        return found.stream().sorted(Comparator.comparing(Balance::type)).toList();
    }

    /** What HR recorded for the agent, or the defaults when nothing. */
    @Transactional(readOnly = true)
    public LeaveProfile profile(AgentId agent) {
        return balances.profile(agent).orElseGet(this::defaultProfile);
    }

    /** Working days between two days for this agent (a preview of what a request would count). */
    @Transactional(readOnly = true)
    public WorkingDays.Count count(AgentId agent, LocalDate start, LocalDate end, boolean startHalf, boolean endHalf) {
        return WorkingDays.count(start, end, startHalf, endHalf, profile(agent).daysOff(), settings.alsaceMoselle());
    }

    /** HR records what an agent's rights follow from; this year's and later balances follow. */
    @Transactional
    public LeaveProfile changeProfile(AgentId agent, LeaveProfile profile) {
        LeaveChecks.checkProfile(profile);
        if (directory.findById(agent).isEmpty()) {
            throw new GuichetException(LeaveError.PROFILE_INVALID);
        }
        lockedProfile(agent);
        balances.saveProfile(agent, profile, clock.instant());
        var year = DisplayZone.today(clock).getYear();
        for (var y = year; y <= year + 1; y++) {
            for (var right : Rights.ofYear(y, profile, settings).entrySet()) {
                balances.ensureBalance(agent, y, right.getKey(), right.getValue());
                balances.setBase(agent, y, right.getKey(), right.getValue());
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
                || !balances.spend(agent, year, from, days)
                || !balances.credit(agent, days, settings.cet().maxBalance())) {
            throw new GuichetException(
                    LeaveError.DEPOSIT_INVALID,
                    settings.cet().minAnnualTaken(),
                    settings.cet().maxBalance());
        }
        balances.recordDeposit(agent, year, from, days, clock.instant());
        return balances.balances(agent, year).stream()
                .filter(balance -> balance.type() == LeaveType.CET)
                .findFirst()
                .orElseThrow();
    }

    /** Locks the agent's profile (created with the defaults when HR recorded none) and reads it. */
    LeaveProfile lockedProfile(AgentId agent) {
        balances.ensureProfile(agent, defaultProfile(), clock.instant());
        balances.lock(agent);
        return balances.profile(agent).orElseThrow();
    }

    /** Locks the profile of an agent who already has requests. */
    void lock(AgentId agent) {
        balances.lock(agent);
    }

    /** Holds a new request's days as pending, or refuses when fewer remain (saying how many). */
    void reserve(LeaveRequest request, LeaveProfile profile) {
        var type = request.type();
        var year = request.start().getYear();
        ensureBalances(request.agent(), year, profile);
        if (!balances.reserve(request.agent(), balanceYear(request), type, request.days())) {
            var remaining = balances.balances(request.agent(), year).stream()
                    .filter(balance -> balance.type() == type)
                    .map(Balance::remaining)
                    .findFirst()
                    .orElse(BigDecimal.ZERO);
            throw new GuichetException(
                    LeaveError.INSUFFICIENT_BALANCE,
                    remaining.stripTrailingZeros().toPlainString(),
                    request.days().stripTrailingZeros().toPlainString());
        }
    }

    /** Moves a request's days on its balance, then recomputes the "fractionnement" days of annual leave. */
    void apply(LeaveRequest.Move move) {
        var request = move.from();
        if (!request.type().counted()) {
            return;
        }
        balances.adjust(
                request.agent(), balanceYear(request), request.type(), move.pendingChange(), move.takenChange());
        if (request.type() == LeaveType.ANNUAL) {
            var year = request.start().getYear();
            var outside = leave.approvedOutsideSummer(request.agent(), year);
            var rule = settings.fractionnement();
            var bonus = outside.compareTo(BigDecimal.valueOf(rule.twoFrom())) >= 0
                    ? 2
                    : outside.compareTo(BigDecimal.valueOf(rule.oneFrom())) >= 0 ? 1 : 0;
            balances.setBonus(request.agent(), year, LeaveType.ANNUAL, BigDecimal.valueOf(bonus));
        }
    }

    private static int balanceYear(LeaveRequest request) {
        return request.type() == LeaveType.CET
                ? BalanceRepository.NO_YEAR
                : request.start().getYear();
    }

    private void ensureBalances(AgentId agent, int year, LeaveProfile profile) {
        balances.ensureBalances(agent, year, Rights.ofYear(year, profile, settings));
    }

    private LeaveProfile defaultProfile() {
        return new LeaveProfile(100, settings.defaultWeeklyHours(), Set.of(), null);
    }
}
