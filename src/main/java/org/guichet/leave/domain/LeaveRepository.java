package org.guichet.leave.domain;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.guichet.directory.AgentId;
import org.guichet.leave.LeaveRequest;
import org.guichet.leave.LeaveRequestId;
import org.guichet.leave.LeaveState;
import org.guichet.leave.LeaveType;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Leave requests and absences, and the approved days the balances' rules sum. */
@Repository
public class LeaveRepository {

    private final JdbcClient jdbc;

    LeaveRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

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

    /** Saves a move if the request is still in the state the move found it in; tells whether it was. */
    public boolean save(LeaveRequest.Move move) {
        var to = move.to();
        return jdbc.sql("""
                        UPDATE leave_request SET state = ?, decided_by = ?, decided_at = ?, decision_comment = ?
                        WHERE id = ? AND state = ?""")
                        .params(
                                to.state().name(),
                                to.decidedBy() == null ? null : to.decidedBy().soi(),
                                to.decidedAt() == null ? null : Timestamp.from(to.decidedAt()),
                                to.decisionComment(),
                                to.id().value(),
                                move.from().state().name())
                        .update()
                == 1;
    }

    public void setApprover(LeaveRequestId id, AgentId approver) {
        jdbc.sql("UPDATE leave_request SET approver_soi = ? WHERE id = ?")
                .params(approver.soi(), id.value())
                .update();
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
}
