package org.guichet.approval.domain;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.guichet.approval.ApprovalId;
import org.guichet.approval.ApprovalState;
import org.guichet.approval.ApprovalSubject;
import org.guichet.directory.AgentId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Approval items and delegations in the database. Every decision is one conditional update on a pending item, so that
 * when an approver and their delegate decide at once, exactly one decision counts.
 */
@Repository
public class ApprovalRepository {

    private static final String COLUMNS = """
            a.id, a.kind, a.subject, a.requester_soi, a.details, a.starts_on, a.ends_on, a.state, a.approver_soi,
            a.first_approver_soi, a.submitted_at, a.decided_at, a.decided_by_soi, a.decision_comment""";

    private final JdbcClient jdbc;

    ApprovalRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A stored item (without names: the facade adds them). */
    public record Row(
            ApprovalId id,
            String kind,
            String subject,
            AgentId requester,
            String details,
            @Nullable LocalDate startsOn,
            @Nullable LocalDate endsOn,
            ApprovalState state,
            AgentId approver,
            AgentId firstApprover,
            Instant submittedAt,
            @Nullable Instant decidedAt,
            @Nullable AgentId decidedBy,
            @Nullable String comment) {}

    public void insert(ApprovalId id, ApprovalSubject subject, AgentId approver, Instant now) {
        jdbc.sql("""
                        INSERT INTO approval (id, kind, subject, requester_soi, approver_soi, first_approver_soi, details,
                            starts_on, ends_on, state, submitted_at, waiting_since)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?)""")
                .params(
                        id.value(),
                        subject.kind().name(),
                        subject.subject(),
                        subject.requester().soi(),
                        approver.soi(),
                        approver.soi(),
                        subject.details(),
                        date(subject.startsOn()),
                        date(subject.endsOn()),
                        Timestamp.from(now),
                        Timestamp.from(now))
                .update();
    }

    public Optional<Row> find(ApprovalId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM approval a WHERE a.id = ?")
                .param(id.value())
                .query(ApprovalRepository::row)
                .optional();
    }

    /**
     * Pending items this person may decide on this day: those waiting for them, and those waiting for a manager who
     * delegated to them for the day; never their own requests.
     */
    public List<Row> waitingFor(AgentId person, LocalDate today) {
        return jdbc.sql("SELECT " + COLUMNS + " " + """
                         FROM approval a
                        WHERE a.state = 'PENDING' AND a.requester_soi <> :me
                          AND (a.approver_soi = :me OR a.approver_soi IN (
                               SELECT d.delegator_soi FROM approval_delegation d
                                WHERE d.delegate_soi = :me AND d.starts_on <= :today AND d.ends_on >= :today))
                        ORDER BY a.submitted_at""")
                .param("me", person.soi())
                .param("today", Date.valueOf(today))
                .query(ApprovalRepository::row)
                .list();
    }

    /** The kinds of the items that wait for a decision. */
    public List<String> waitingKinds() {
        return jdbc.sql("SELECT DISTINCT kind FROM approval WHERE state = 'PENDING' ORDER BY kind")
                .query(String.class)
                .list();
    }

    /** The latest item of this kind about this subject. */
    public Optional<Row> latest(String kind, String subject) {
        return jdbc
                .sql("SELECT " + COLUMNS + " FROM approval a WHERE a.kind = ? AND a.subject = ?"
                        + " ORDER BY a.submitted_at DESC")
                .params(kind, subject)
                .query(ApprovalRepository::row)
                .stream()
                .findFirst();
    }

    /** Records a decision if the item still waits for {@code approver}; tells whether it did. */
    public boolean decide(
            ApprovalId id,
            AgentId approver,
            ApprovalState decision,
            AgentId decidedBy,
            @Nullable AgentId onBehalfOf,
            @Nullable String comment,
            Instant now) {
        return jdbc.sql("""
                        UPDATE approval SET state = ?, decided_at = ?, decided_by_soi = ?, on_behalf_of_soi = ?,
                            decision_comment = ?
                        WHERE id = ? AND state = 'PENDING' AND approver_soi = ?""")
                        .params(
                                decision.name(),
                                Timestamp.from(now),
                                decidedBy.soi(),
                                onBehalfOf == null ? null : onBehalfOf.soi(),
                                comment,
                                id.value(),
                                approver.soi())
                        .update()
                == 1;
    }

    /** Cancels what still waits about this subject; returns the items cancelled. */
    public int cancel(String kind, String subject, Instant now) {
        return jdbc.sql("UPDATE approval SET state = 'CANCELLED', decided_at = ? "
                        + "WHERE kind = ? AND subject = ? AND state = 'PENDING'")
                .params(Timestamp.from(now), kind, subject)
                .update();
    }

    /** Pending items that have waited for their approver since before {@code before}. */
    public List<Row> waitingSince(Instant before) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM approval a WHERE a.state = 'PENDING' AND a.waiting_since < ?")
                .param(Timestamp.from(before))
                .query(ApprovalRepository::row)
                .list();
    }

    /** Pending items not reminded since {@code before} and waiting since before it. */
    public List<Row> toRemind(Instant before) {
        return jdbc.sql("SELECT " + COLUMNS + " " + """
                         FROM approval a WHERE a.state = 'PENDING' AND a.waiting_since < :before
                          AND (a.reminded_at IS NULL OR a.reminded_at < :before)""")
                .param("before", Timestamp.from(before))
                .query(ApprovalRepository::row)
                .list();
    }

    /** Claims the reminder of an item (one node sends it); tells whether this call did. */
    public boolean markReminded(ApprovalId id, Instant before, Instant now) {
        return jdbc.sql("""
                        UPDATE approval SET reminded_at = ?
                        WHERE id = ? AND state = 'PENDING' AND (reminded_at IS NULL OR reminded_at < ?)""")
                        .params(Timestamp.from(now), id.value(), Timestamp.from(before))
                        .update()
                == 1;
    }

    /** Moves a pending item from one approver to the next; tells whether this call did. */
    public boolean reassign(ApprovalId id, AgentId from, AgentId to, Instant now) {
        return jdbc.sql("""
                        UPDATE approval SET approver_soi = ?, waiting_since = ?, reminded_at = NULL
                        WHERE id = ? AND state = 'PENDING' AND approver_soi = ?""")
                        .params(to.soi(), Timestamp.from(now), id.value(), from.soi())
                        .update()
                == 1;
    }

    /** Whether {@code delegate} may decide for {@code delegator} on this day. */
    public boolean delegated(AgentId delegator, AgentId delegate, LocalDate day) {
        return jdbc.sql("""
                        SELECT COUNT(*) FROM approval_delegation
                        WHERE delegator_soi = ? AND delegate_soi = ? AND starts_on <= ? AND ends_on >= ?""")
                        .params(delegator.soi(), delegate.soi(), Date.valueOf(day), Date.valueOf(day))
                        .query(Integer.class)
                        .single()
                > 0;
    }

    public void insertDelegation(
            UUID id, AgentId delegator, AgentId delegate, LocalDate from, LocalDate to, Instant now) {
        jdbc.sql("""
                        INSERT INTO approval_delegation (id, delegator_soi, delegate_soi, starts_on, ends_on, created_at)
                        VALUES (?, ?, ?, ?, ?, ?)""")
                .params(id, delegator.soi(), delegate.soi(), Date.valueOf(from), Date.valueOf(to), Timestamp.from(now))
                .update();
    }

    /** A delegator's delegations that have not ended before {@code today}. */
    public List<DelegationRow> delegationsOf(AgentId delegator, LocalDate today) {
        return jdbc.sql("""
                        SELECT id, delegator_soi, delegate_soi, starts_on, ends_on FROM approval_delegation
                        WHERE delegator_soi = ? AND ends_on >= ? ORDER BY starts_on""")
                .params(delegator.soi(), Date.valueOf(today))
                .query((rs, n) -> new DelegationRow(
                        rs.getObject("id", UUID.class),
                        AgentId.of(rs.getString("delegator_soi")),
                        AgentId.of(rs.getString("delegate_soi")),
                        rs.getDate("starts_on").toLocalDate(),
                        rs.getDate("ends_on").toLocalDate()))
                .list();
    }

    public record DelegationRow(UUID id, AgentId delegator, AgentId delegate, LocalDate startsOn, LocalDate endsOn) {}

    public boolean deleteDelegation(UUID id, AgentId delegator) {
        return jdbc.sql("DELETE FROM approval_delegation WHERE id = ? AND delegator_soi = ?")
                        .params(id, delegator.soi())
                        .update()
                == 1;
    }

    private static @Nullable Date date(@Nullable LocalDate day) {
        return day == null ? null : Date.valueOf(day);
    }

    private static @Nullable LocalDate day(ResultSet rs, String column) throws SQLException {
        var date = rs.getDate(column);
        return date == null ? null : date.toLocalDate();
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        var timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        var decidedBy = rs.getString("decided_by_soi");
        return new Row(
                new ApprovalId(rs.getObject("id", UUID.class)),
                rs.getString("kind"),
                rs.getString("subject"),
                AgentId.of(rs.getString("requester_soi")),
                rs.getString("details"),
                day(rs, "starts_on"),
                day(rs, "ends_on"),
                ApprovalState.valueOf(rs.getString("state")),
                AgentId.of(rs.getString("approver_soi")),
                AgentId.of(rs.getString("first_approver_soi")),
                rs.getTimestamp("submitted_at").toInstant(),
                instant(rs, "decided_at"),
                decidedBy == null ? null : AgentId.of(decidedBy),
                rs.getString("decision_comment"));
    }
}
