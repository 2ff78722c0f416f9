package org.guichet.request.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.guichet.directory.AgentId;
import org.guichet.request.AdminRequest;
import org.guichet.request.RequestId;
import org.guichet.request.RequestSettings;
import org.guichet.request.RequestState;
import org.guichet.request.TimelineEvent;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Requests, their fields and timelines. A request moves by one conditional update on the state and step it leaves, so
 * that two people deciding at once cannot both move it.
 */
@Repository
public class RequestRepository {

    private final JdbcClient jdbc;

    RequestRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Request row, Map<String, String> fields) {
        jdbc.sql("""
                        INSERT INTO admin_request (id, soi, type, state, step_index, step_count, current_step,
                            approver_soi, submitted_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        row.id().value(),
                        row.agent().soi(),
                        row.type(),
                        row.state().name(),
                        row.stepIndex(),
                        row.stepCount(),
                        row.currentStep() == null ? null : row.currentStep().name(),
                        row.approver() == null ? null : row.approver().soi(),
                        Timestamp.from(row.submittedAt()),
                        Timestamp.from(row.submittedAt()))
                .update();
        fields.forEach((name, value) -> jdbc.sql(
                        "INSERT INTO admin_request_field (request_id, field_name, field_value) VALUES (?, ?, ?)")
                .params(row.id().value(), name, value)
                .update());
    }

    public Optional<Request> find(RequestId id) {
        return jdbc.sql("SELECT * FROM admin_request WHERE id = ?")
                .param(id.value())
                .query(RequestRepository::row)
                .optional();
    }

    public List<Request> ofAgent(AgentId agent) {
        return jdbc.sql("SELECT * FROM admin_request WHERE soi = ? ORDER BY submitted_at DESC")
                .param(agent.soi())
                .query(RequestRepository::row)
                .list();
    }

    /** HR takes a request of its queue; false when someone else of HR took it first. */
    public boolean take(RequestId id, AgentId hr) {
        return jdbc.sql("""
                        UPDATE admin_request SET taken_by = ?
                        WHERE id = ? AND current_step = 'HR' AND state IN ('IN_REVIEW', 'INFO_REQUESTED')
                        AND (taken_by IS NULL OR taken_by = ?)""").params(hr.soi(), id.value(), hr.soi()).update() == 1;
    }

    /** What waits for HR, oldest first. */
    public List<Request> waitingForHr() {
        return jdbc.sql(
                        "SELECT * FROM admin_request WHERE current_step = 'HR' AND state IN ('IN_REVIEW', 'INFO_REQUESTED') "
                                + "ORDER BY submitted_at")
                .query(RequestRepository::row)
                .list();
    }

    /**
     * Saves a move if the request is still in the state and at the step the move found it, with its timeline entry;
     * tells whether it was.
     */
    public boolean save(Request.Move move) {
        var to = move.to();
        var moved = jdbc.sql("""
                        UPDATE admin_request SET state = ?, step_index = ?, current_step = ?, approver_soi = ?,
                            updated_at = ?
                        WHERE id = ? AND state = ? AND step_index = ?""")
                        .params(
                                to.state().name(),
                                to.stepIndex(),
                                to.currentStep() == null
                                        ? null
                                        : to.currentStep().name(),
                                to.approver() == null ? null : to.approver().soi(),
                                Timestamp.from(move.entry().at()),
                                to.id().value(),
                                move.from().state().name(),
                                move.from().stepIndex())
                        .update()
                == 1;
        if (moved) {
            record(to.id(), move.entry());
        }
        return moved;
    }

    public Map<String, String> fields(RequestId id) {
        var fields = new LinkedHashMap<String, String>();
        jdbc.sql("SELECT field_name, field_value FROM admin_request_field WHERE request_id = ? ORDER BY field_name")
                .param(id.value())
                .query(rs -> {
                    fields.put(rs.getString(1), rs.getString(2));
                });
        return fields;
    }

    /** Adds a step to the request's timeline. */
    public void record(RequestId id, AdminRequest.TimelineEntry entry) {
        jdbc.sql(
                        "INSERT INTO admin_request_event (request_id, at, event, step, actor_soi, comment) VALUES (?, ?, ?, ?, ?, ?)")
                .params(
                        id.value(),
                        Timestamp.from(entry.at()),
                        entry.event().name(),
                        entry.step() == null ? null : entry.step().name(),
                        entry.actor() == null ? null : entry.actor().soi(),
                        entry.comment())
                .update();
    }

    public List<AdminRequest.TimelineEntry> timeline(RequestId id) {
        return jdbc.sql("SELECT * FROM admin_request_event WHERE request_id = ? ORDER BY at, id")
                .param(id.value())
                .query((rs, row) -> new AdminRequest.TimelineEntry(
                        rs.getTimestamp("at").toInstant(),
                        TimelineEvent.valueOf(rs.getString("event")),
                        step(rs.getString("step")),
                        agent(rs.getString("actor_soi")),
                        rs.getString("comment")))
                .list();
    }

    private static Request row(ResultSet rs, int row) throws SQLException {
        return new Request(
                new RequestId(rs.getObject("id", UUID.class)),
                AgentId.of(rs.getString("soi")),
                rs.getString("type"),
                RequestState.valueOf(rs.getString("state")),
                rs.getInt("step_index"),
                rs.getInt("step_count"),
                step(rs.getString("current_step")),
                agent(rs.getString("approver_soi")),
                agent(rs.getString("taken_by")),
                rs.getTimestamp("submitted_at").toInstant());
    }

    private static RequestSettings.@Nullable Step step(@Nullable String name) {
        return name == null ? null : RequestSettings.Step.valueOf(name);
    }

    private static @Nullable AgentId agent(@Nullable String soi) {
        return soi == null ? null : AgentId.of(soi);
    }
}
