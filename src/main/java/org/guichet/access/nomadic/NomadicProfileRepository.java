package org.guichet.access.nomadic;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.guichet.access.NomadicState;
import org.guichet.directory.AgentId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Profiles and their steps. Every transition is one conditional update on the state it leaves, so that two people
 * acting at once (a manager and a department change, two helpdesk agents) cannot both move a profile.
 */
@Repository
public class NomadicProfileRepository {

    private final JdbcClient jdbc;

    NomadicProfileRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Row(
            AgentId agent,
            NomadicState state,
            String reason,
            @Nullable LocalDate endDate,
            @Nullable AgentId approver,
            Instant requestedAt,
            @Nullable LocalDate validUntil,
            boolean recertificationPending) {}

    public record StepRow(
            Instant at,
            String step,
            @Nullable AgentId actor,
            @Nullable String comment) {}

    public Optional<Row> find(AgentId agent) {
        return jdbc.sql("SELECT * FROM nomadic_profile WHERE soi = ?")
                .param(agent.soi())
                .query(NomadicProfileRepository::row)
                .optional();
    }

    public List<Row> inState(NomadicState state) {
        return jdbc.sql("SELECT * FROM nomadic_profile WHERE state = ? ORDER BY updated_at")
                .param(state.name())
                .query(NomadicProfileRepository::row)
                .list();
    }

    /**
     * Opens a new request: inserts the profile, or reopens a closed one (rejected, expired, deactivated); tells whether
     * it did (not when a request is already open or the profile active).
     */
    public boolean open(AgentId agent, String reason, @Nullable LocalDate endDate, AgentId approver, Instant now) {
        var reopened = jdbc.sql("""
                        UPDATE nomadic_profile SET state = 'REQUESTED', reason = ?, end_date = ?, approver_soi = ?,
                            requested_at = ?, valid_until = NULL, recertification_pending = FALSE, updated_at = ?
                        WHERE soi = ? AND state IN ('REJECTED', 'EXPIRED', 'DEACTIVATED')""")
                .params(reason, date(endDate), approver.soi(), Timestamp.from(now), Timestamp.from(now), agent.soi())
                .update();
        if (reopened == 1) {
            return true;
        }
        return jdbc.sql("""
                        INSERT INTO nomadic_profile (soi, state, reason, end_date, approver_soi, requested_at, updated_at)
                        VALUES (?, 'REQUESTED', ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                        .params(
                                agent.soi(),
                                reason,
                                date(endDate),
                                approver.soi(),
                                Timestamp.from(now),
                                Timestamp.from(now))
                        .update()
                == 1;
    }

    /**
     * Records a profile active since {@code activatedAt} until {@code validUntil}, approved by no one (the demo's), with
     * its activation step; tells whether it did (not when the agent has a profile).
     */
    public boolean insertActive(AgentId agent, String reason, Instant activatedAt, LocalDate validUntil, Instant now) {
        var created = jdbc.sql("""
                        INSERT INTO nomadic_profile (soi, state, reason, approver_soi, requested_at, valid_until,
                            updated_at)
                        VALUES (?, 'ACTIVE', ?, NULL, ?, ?, ?) ON CONFLICT DO NOTHING""")
                        .params(
                                agent.soi(),
                                reason,
                                Timestamp.from(activatedAt),
                                Date.valueOf(validUntil),
                                Timestamp.from(now))
                        .update()
                == 1;
        if (created) {
            step(agent, "ACTIVATED", null, null, activatedAt);
        }
        return created;
    }

    /** Moves the profile from one of {@code from} to {@code to}; tells whether it did. */
    public boolean move(AgentId agent, Collection<NomadicState> from, NomadicState to, Instant now) {
        return jdbc.sql("UPDATE nomadic_profile SET state = :to, recertification_pending = FALSE, updated_at = :now"
                                + " WHERE soi = :soi AND state IN (:from)")
                        .param("to", to.name())
                        .param("now", Timestamp.from(now))
                        .param("soi", agent.soi())
                        .param("from", from.stream().map(Enum::name).toList())
                        .update()
                == 1;
    }

    /** Activates an approved profile until {@code validUntil}; tells whether it did. */
    public boolean activate(AgentId agent, LocalDate validUntil, Instant now) {
        return jdbc.sql("""
                        UPDATE nomadic_profile SET state = 'ACTIVE', valid_until = ?, recertification_pending = FALSE,
                            updated_at = ?
                        WHERE soi = ? AND state = 'APPROVED'""")
                        .params(Date.valueOf(validUntil), Timestamp.from(now), agent.soi())
                        .update()
                == 1;
    }

    /** Extends an active profile whose confirmation was asked; tells whether it did. */
    public boolean renew(AgentId agent, LocalDate validUntil, Instant now) {
        return jdbc.sql("""
                        UPDATE nomadic_profile SET valid_until = ?, recertification_pending = FALSE, updated_at = ?
                        WHERE soi = ? AND state = 'ACTIVE' AND recertification_pending = TRUE""")
                        .params(Date.valueOf(validUntil), Timestamp.from(now), agent.soi())
                        .update()
                == 1;
    }

    /** Marks an active profile as waiting for its manager's confirmation; tells whether this call did. */
    public boolean markRecertificationPending(AgentId agent, Instant now) {
        return jdbc.sql("""
                        UPDATE nomadic_profile SET recertification_pending = TRUE, updated_at = ?
                        WHERE soi = ? AND state = 'ACTIVE' AND recertification_pending = FALSE""").params(Timestamp.from(now), agent.soi()).update() == 1;
    }

    /** Active profiles whose last day is before {@code day}. */
    public List<AgentId> activeEndingBefore(LocalDate day) {
        return jdbc.sql("SELECT soi FROM nomadic_profile WHERE state = 'ACTIVE' AND valid_until < ?")
                .param(Date.valueOf(day))
                .query((rs, n) -> AgentId.of(rs.getString("soi")))
                .list();
    }

    /**
     * Active profiles that reach their longest term by {@code day} (not the agent's own end date, which needs no
     * confirmation) and whose confirmation was not asked yet.
     */
    public List<Row> dueForRecertification(LocalDate day) {
        return jdbc.sql("""
                        SELECT * FROM nomadic_profile
                        WHERE state = 'ACTIVE' AND recertification_pending = FALSE AND valid_until <= ?
                          AND (end_date IS NULL OR end_date > valid_until)""")
                .param(Date.valueOf(day))
                .query(NomadicProfileRepository::row)
                .list();
    }

    public void step(AgentId agent, String step, @Nullable AgentId actor, @Nullable String comment, Instant at) {
        jdbc.sql("INSERT INTO nomadic_profile_step (soi, at, step, actor_soi, comment) VALUES (?, ?, ?, ?, ?)")
                .params(agent.soi(), Timestamp.from(at), step, actor == null ? null : actor.soi(), comment)
                .update();
    }

    /** The steps since {@code since} (the current request), oldest first. */
    public List<StepRow> steps(AgentId agent, Instant since) {
        return jdbc.sql("SELECT at, step, actor_soi, comment FROM nomadic_profile_step WHERE soi = ? AND at >= ?"
                        + " ORDER BY at, id")
                .params(agent.soi(), Timestamp.from(since))
                .query((rs, n) -> {
                    var actor = rs.getString("actor_soi");
                    return new StepRow(
                            rs.getTimestamp("at").toInstant(),
                            rs.getString("step"),
                            actor == null ? null : AgentId.of(actor),
                            rs.getString("comment"));
                })
                .list();
    }

    private static @Nullable Date date(@Nullable LocalDate day) {
        return day == null ? null : Date.valueOf(day);
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        var endDate = rs.getDate("end_date");
        var validUntil = rs.getDate("valid_until");
        var approver = rs.getString("approver_soi");
        return new Row(
                AgentId.of(rs.getString("soi")),
                NomadicState.valueOf(rs.getString("state")),
                rs.getString("reason"),
                endDate == null ? null : endDate.toLocalDate(),
                approver == null ? null : AgentId.of(approver),
                rs.getTimestamp("requested_at").toInstant(),
                validUntil == null ? null : validUntil.toLocalDate(),
                rs.getBoolean("recertification_pending"));
    }
}
