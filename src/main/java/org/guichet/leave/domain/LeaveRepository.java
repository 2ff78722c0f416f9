package org.guichet.leave.domain;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.guichet.directory.AgentId;
import org.guichet.leave.Balance;
import org.guichet.leave.LeaveProfile;
import org.guichet.leave.LeaveRequest;
import org.guichet.leave.LeaveRequestId;
import org.guichet.leave.LeaveState;
import org.guichet.leave.LeaveType;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Leave profiles, balances and requests. Balances change only through single conditional updates (a request reserves
 * days only while enough remain), and every request of an agent is written while their profile row is locked, so that
 * two requests at once can neither overdraw nor overlap.
 */
@Repository
public class LeaveRepository {

    /** The CET balance's "year". */
    public static final int NO_YEAR = 0;

    private final JdbcClient jdbc;

    LeaveRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // profiles

    public Optional<LeaveProfile> profile(AgentId agent) {
        return jdbc.sql("SELECT * FROM leave_profile WHERE soi = ?")
                .param(agent.soi())
                .query((rs, row) -> new LeaveProfile(
                        rs.getInt("working_time"),
                        rs.getBigDecimal("weekly_hours"),
                        daysOff(rs.getString("days_off")),
                        localDate(rs.getDate("arrival"))))
                .optional();
    }

    /** Creates the agent's profile with these values unless they have one. */
    public void ensureProfile(AgentId agent, LeaveProfile profile, Instant now) {
        jdbc.sql("""
                        INSERT INTO leave_profile (soi, working_time, weekly_hours, days_off, arrival, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(
                        agent.soi(),
                        profile.workingTime(),
                        profile.weeklyHours(),
                        daysOff(profile.daysOff()),
                        date(profile.arrival()),
                        Timestamp.from(now))
                .update();
    }

    public void saveProfile(AgentId agent, LeaveProfile profile, Instant now) {
        jdbc.sql("""
                        UPDATE leave_profile SET working_time = ?, weekly_hours = ?, days_off = ?, arrival = ?,
                            updated_at = ? WHERE soi = ?""")
                .params(
                        profile.workingTime(),
                        profile.weeklyHours(),
                        daysOff(profile.daysOff()),
                        date(profile.arrival()),
                        Timestamp.from(now),
                        agent.soi())
                .update();
    }

    /** Locks the agent's profile row until the transaction ends: their requests are written one at a time. */
    public void lock(AgentId agent) {
        jdbc.sql("SELECT soi FROM leave_profile WHERE soi = ? FOR UPDATE")
                .param(agent.soi())
                .query(String.class)
                .single();
    }

    // balances

    public void ensureBalance(AgentId agent, int year, LeaveType type, BigDecimal base) {
        jdbc.sql("INSERT INTO leave_balance (soi, leave_year, type, base) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")
                .params(agent.soi(), year, type.name(), base)
                .update();
    }

    public void setBase(AgentId agent, int year, LeaveType type, BigDecimal base) {
        jdbc.sql("UPDATE leave_balance SET base = ? WHERE soi = ? AND leave_year = ? AND type = ?")
                .params(base, agent.soi(), year, type.name())
                .update();
    }

    public void setBonus(AgentId agent, int year, LeaveType type, BigDecimal bonus) {
        jdbc.sql("UPDATE leave_balance SET bonus = ? WHERE soi = ? AND leave_year = ? AND type = ?")
                .params(bonus, agent.soi(), year, type.name())
                .update();
    }

    /** The agent's balances of the year, and their CET. */
    public List<Balance> balances(AgentId agent, int year) {
        return jdbc.sql("SELECT * FROM leave_balance WHERE soi = ? AND leave_year IN (?, ?)")
                .params(agent.soi(), year, NO_YEAR)
                .query((rs, row) -> new Balance(
                        LeaveType.valueOf(rs.getString("type")),
                        rs.getInt("leave_year"),
                        rs.getBigDecimal("base").add(rs.getBigDecimal("bonus")),
                        rs.getBigDecimal("taken"),
                        rs.getBigDecimal("pending")))
                .list();
    }

    /** Holds {@code days} as pending, if that many remain; tells whether it did. */
    public boolean reserve(AgentId agent, int year, LeaveType type, BigDecimal days) {
        return jdbc.sql("""
                        UPDATE leave_balance SET pending = pending + ?
                        WHERE soi = ? AND leave_year = ? AND type = ? AND base + bonus - taken - pending >= ?""").params(days, agent.soi(), year, type.name(), days).update() == 1;
    }

    /** Moves days: {@code pendingChange} and {@code takenChange} are added (negative to give back). */
    public void adjust(AgentId agent, int year, LeaveType type, BigDecimal pendingChange, BigDecimal takenChange) {
        jdbc.sql(
                        "UPDATE leave_balance SET pending = pending + ?, taken = taken + ? WHERE soi = ? AND leave_year = ? AND type = ?")
                .params(pendingChange, takenChange, agent.soi(), year, type.name())
                .update();
    }

    /** Adds days to the CET if it stays within {@code max}; tells whether it did. */
    public boolean credit(AgentId agent, BigDecimal days, int max) {
        return jdbc.sql("""
                        UPDATE leave_balance SET base = base + ?
                        WHERE soi = ? AND leave_year = ? AND type = 'CET' AND base + bonus + ? <= ?""").params(days, agent.soi(), NO_YEAR, days, max).update() == 1;
    }

    /** Marks remaining days of a year as used (moved to the CET), if that many remain; tells whether it did. */
    public boolean spend(AgentId agent, int year, LeaveType type, BigDecimal days) {
        return jdbc.sql("""
                        UPDATE leave_balance SET taken = taken + ?
                        WHERE soi = ? AND leave_year = ? AND type = ? AND base + bonus - taken - pending >= ?""").params(days, agent.soi(), year, type.name(), days).update() == 1;
    }

    public void recordDeposit(AgentId agent, int year, LeaveType from, BigDecimal days, Instant now) {
        jdbc.sql("INSERT INTO leave_cet_deposit (id, soi, leave_year, from_type, days, at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(UUID.randomUUID(), agent.soi(), year, from.name(), days, Timestamp.from(now))
                .update();
    }

    // requests

    public void insert(LeaveRequest request, int year, BigDecimal outsideSummer, @Nullable AgentId approver) {
        jdbc.sql("""
                        INSERT INTO leave_request (id, soi, type, start_date, end_date, start_half, end_half, days,
                            outside_summer, leave_year, comment, state, approver_soi, requested_at, decided_by, decided_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        request.id().value(),
                        request.agent().soi(),
                        request.type().name(),
                        Date.valueOf(request.start()),
                        Date.valueOf(request.end()),
                        request.startHalfDay(),
                        request.endHalfDay(),
                        request.days(),
                        outsideSummer,
                        year,
                        request.comment(),
                        request.state().name(),
                        approver == null ? null : approver.soi(),
                        Timestamp.from(request.requestedAt()),
                        request.decidedBy() == null ? null : request.decidedBy().soi(),
                        request.decidedAt() == null ? null : Timestamp.from(request.decidedAt()))
                .update();
    }

    public Optional<LeaveRequest> find(LeaveRequestId id) {
        return jdbc.sql("SELECT * FROM leave_request WHERE id = ?")
                .param(id.value())
                .query(LeaveRepository::request)
                .optional();
    }

    /** The agent's requests, latest first. */
    public List<LeaveRequest> of(AgentId agent) {
        return jdbc.sql("SELECT * FROM leave_request WHERE soi = ? ORDER BY start_date DESC, requested_at DESC")
                .param(agent.soi())
                .query(LeaveRepository::request)
                .list();
    }

    /** The agent's pending or approved requests that touch the days from {@code start} to {@code end}. */
    public List<LeaveRequest> holding(AgentId agent, LocalDate start, LocalDate end) {
        return jdbc.sql("""
                        SELECT * FROM leave_request WHERE soi = ? AND state IN ('PENDING', 'APPROVED')
                        AND start_date <= ? AND end_date >= ?""")
                .params(agent.soi(), Date.valueOf(end), Date.valueOf(start))
                .query(LeaveRepository::request)
                .list();
    }

    /** Requests in these states of these agents that touch the days from {@code from} to {@code to}. */
    public List<LeaveRequest> between(
            Collection<AgentId> agents, LocalDate from, LocalDate to, Collection<LeaveState> states) {
        if (agents.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT * FROM leave_request WHERE soi IN (:agents) AND state IN (:states)
                        AND start_date <= :to AND end_date >= :from ORDER BY start_date""")
                .param("agents", agents.stream().map(AgentId::soi).toList())
                .param("states", states.stream().map(Enum::name).toList())
                .param("from", Date.valueOf(from))
                .param("to", Date.valueOf(to))
                .query(LeaveRepository::request)
                .list();
    }

    /** Moves a request out of {@code from}; tells whether it was still there. */
    public boolean move(
            LeaveRequestId id,
            LeaveState from,
            LeaveState to,
            @Nullable AgentId by,
            Instant at,
            @Nullable String comment) {
        return jdbc.sql("""
                        UPDATE leave_request SET state = ?, decided_by = COALESCE(?, decided_by),
                            decided_at = ?, decision_comment = COALESCE(?, decision_comment)
                        WHERE id = ? AND state = ?""")
                        .params(
                                to.name(),
                                by == null ? null : by.soi(),
                                Timestamp.from(at),
                                comment,
                                id.value(),
                                from.name())
                        .update()
                == 1;
    }

    public void setApprover(LeaveRequestId id, AgentId approver) {
        jdbc.sql("UPDATE leave_request SET approver_soi = ? WHERE id = ?")
                .params(approver.soi(), id.value())
                .update();
    }

    public @Nullable AgentId approver(LeaveRequestId id) {
        return jdbc.sql("SELECT approver_soi FROM leave_request WHERE id = ?")
                .param(id.value())
                .query((rs, row) -> rs.getString(1) == null ? null : AgentId.of(rs.getString(1)))
                .optional()
                .orElse(null);
    }

    /** Approved annual leave of the year taken outside 1 May–31 October, in days. */
    public BigDecimal approvedOutsideSummer(AgentId agent, int year) {
        return sum("outside_summer", agent, year, LeaveType.ANNUAL);
    }

    /** Approved days of a type in a year. */
    public BigDecimal approvedDays(AgentId agent, int year, LeaveType type) {
        return sum("days", agent, year, type);
    }

    private BigDecimal sum(String column, AgentId agent, int year, LeaveType type) {
        return jdbc.sql(
                        "SELECT COALESCE(SUM(" + column
                                + "), 0) FROM leave_request WHERE soi = ? AND leave_year = ? AND type = ? AND state = 'APPROVED'")
                .params(agent.soi(), year, type.name())
                .query(BigDecimal.class)
                .single();
    }

    private static LeaveRequest request(ResultSet rs, int row) throws SQLException {
        var decidedBy = rs.getString("decided_by");
        var decidedAt = rs.getTimestamp("decided_at");
        return new LeaveRequest(
                new LeaveRequestId(rs.getObject("id", UUID.class)),
                AgentId.of(rs.getString("soi")),
                LeaveType.valueOf(rs.getString("type")),
                rs.getDate("start_date").toLocalDate(),
                rs.getDate("end_date").toLocalDate(),
                rs.getBoolean("start_half"),
                rs.getBoolean("end_half"),
                rs.getBigDecimal("days"),
                rs.getString("comment"),
                LeaveState.valueOf(rs.getString("state")),
                rs.getTimestamp("requested_at").toInstant(),
                decidedBy == null ? null : AgentId.of(decidedBy),
                decidedAt == null ? null : decidedAt.toInstant(),
                rs.getString("decision_comment"));
    }

    private static java.util.Set<DayOfWeek> daysOff(String text) {
        return text.isBlank()
                ? java.util.Set.of()
                : Arrays.stream(text.split(",")).map(DayOfWeek::valueOf).collect(Collectors.toSet());
    }

    private static String daysOff(java.util.Set<DayOfWeek> days) {
        return days.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
    }

    private static @Nullable Date date(@Nullable LocalDate day) {
        return day == null ? null : Date.valueOf(day);
    }

    private static @Nullable LocalDate localDate(@Nullable Date date) {
        return date == null ? null : date.toLocalDate();
    }
}
