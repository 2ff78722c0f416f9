package org.guichet.schedule.domain;

import java.sql.Date;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.guichet.directory.AgentId;
import org.guichet.schedule.Slot;
import org.guichet.schedule.WeeklySlot;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Weekly patterns and imported shifts. */
@Repository
public class ScheduleRepository {

    private final JdbcClient jdbc;

    ScheduleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An imported shift. */
    public record Shift(
            LocalDate day,
            LocalTime start,
            LocalTime end,
            @Nullable String label) {}

    public List<WeeklySlot> pattern(AgentId agent) {
        return jdbc.sql("SELECT * FROM schedule_slot WHERE soi = ? ORDER BY weekday, starts_at")
                .param(agent.soi())
                .query((rs, row) -> new WeeklySlot(
                        DayOfWeek.of(rs.getInt("weekday")),
                        rs.getTime("starts_at").toLocalTime(),
                        rs.getTime("ends_at").toLocalTime()))
                .list();
    }

    public void replacePattern(AgentId agent, List<WeeklySlot> slots) {
        jdbc.sql("DELETE FROM schedule_slot WHERE soi = ?").param(agent.soi()).update();
        for (var slot : slots) {
            jdbc.sql("INSERT INTO schedule_slot (soi, weekday, starts_at, ends_at) VALUES (?, ?, ?, ?)")
                    .params(
                            agent.soi(),
                            slot.weekday().getValue(),
                            Time.valueOf(slot.start()),
                            Time.valueOf(slot.end()))
                    .update();
        }
    }

    public List<Shift> shifts(AgentId agent, LocalDate from, LocalDate to) {
        return jdbc.sql(
                        "SELECT * FROM schedule_shift WHERE soi = ? AND work_day BETWEEN ? AND ? ORDER BY work_day, starts_at")
                .params(agent.soi(), Date.valueOf(from), Date.valueOf(to))
                .query((rs, row) -> new Shift(
                        rs.getDate("work_day").toLocalDate(),
                        rs.getTime("starts_at").toLocalTime(),
                        rs.getTime("ends_at").toLocalTime(),
                        rs.getString("label")))
                .list();
    }

    /** Replaces the agent's shifts of that day with this one (an import overrides what an earlier one said). */
    public void replaceShift(AgentId agent, Shift shift, Instant now) {
        jdbc.sql("DELETE FROM schedule_shift WHERE soi = ? AND work_day = ? AND starts_at = ?")
                .params(agent.soi(), Date.valueOf(shift.day()), Time.valueOf(shift.start()))
                .update();
        jdbc.sql("""
                        INSERT INTO schedule_shift (id, soi, work_day, starts_at, ends_at, label, imported_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        UUID.randomUUID(),
                        agent.soi(),
                        Date.valueOf(shift.day()),
                        Time.valueOf(shift.start()),
                        Time.valueOf(shift.end()),
                        shift.label(),
                        Timestamp.from(now))
                .update();
    }

    public boolean hasPatternOrShifts(AgentId agent) {
        return jdbc.sql("""
                        SELECT (SELECT COUNT(*) FROM schedule_slot WHERE soi = ?)
                             + (SELECT COUNT(*) FROM schedule_shift WHERE soi = ?)""").params(agent.soi(), agent.soi()).query(Long.class).single() > 0;
    }

    /** Slots of the pattern as {@link Slot}s. */
    public static Slot slot(WeeklySlot slot) {
        return new Slot(slot.start(), slot.end(), null, Slot.Source.PATTERN);
    }
}
