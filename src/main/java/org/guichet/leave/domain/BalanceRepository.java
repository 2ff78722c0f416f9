package org.guichet.leave.domain;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.guichet.directory.AgentId;
import org.guichet.leave.Balance;
import org.guichet.leave.LeaveProfile;
import org.guichet.leave.LeaveType;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Leave profiles, balances and deposits to the time-savings account. Balances change only through single conditional
 * updates (a request reserves days only while enough remain), and every change to an agent's leave is written while
 * their profile row is {@link #lock locked}, so that two requests at once can neither overdraw nor overlap.
 */
@Repository
public class BalanceRepository {

    /** The CET balance's "year". */
    public static final int NO_YEAR = 0;

    private final JdbcClient jdbc;

    BalanceRepository(JdbcClient jdbc) {
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

    /** Creates the balances of the year with these rights, and the CET, unless they exist. */
    public void ensureBalances(AgentId agent, int year, java.util.Map<LeaveType, BigDecimal> rights) {
        rights.forEach((type, base) -> ensureBalance(agent, year, type, base));
        ensureBalance(agent, NO_YEAR, LeaveType.CET, BigDecimal.ZERO);
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
