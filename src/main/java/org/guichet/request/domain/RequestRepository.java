package org.guichet.request.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
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
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Requests, their fields, timelines and documents. A request moves by one conditional update on the state and step it
 * leaves, so that two people deciding at once cannot both move it.
 */
@Repository
public class RequestRepository {

    private final JdbcClient jdbc;

    RequestRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A request row. */
    public record Row(
            RequestId id,
            AgentId agent,
            String type,
            RequestState state,
            int stepIndex,
            int stepCount,
            RequestSettings.@Nullable Step currentStep,
            @Nullable AgentId approver,
            @Nullable AgentId takenBy,
            Instant submittedAt) {}

    /** A document row, with what the verification page may say. */
    public record DocumentRow(
            UUID id,
            RequestId request,
            AgentId agent,
            String kind,
            String reference,
            String title,
            String summary,
            Instant createdAt) {}

    public void insert(Row row, Map<String, String> fields) {
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

    public Optional<Row> find(RequestId id) {
        return jdbc.sql("SELECT * FROM admin_request WHERE id = ?")
                .param(id.value())
                .query(RequestRepository::row)
                .optional();
    }

    public List<Row> ofAgent(AgentId agent) {
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
    public List<Row> waitingForHr() {
        return jdbc.sql(
                        "SELECT * FROM admin_request WHERE current_step = 'HR' AND state IN ('IN_REVIEW', 'INFO_REQUESTED') "
                                + "ORDER BY submitted_at")
                .query(RequestRepository::row)
                .list();
    }

    /**
     * Moves the request from the state and step it is in; tells whether it still was there.
     *
     * @param currentStep who decides next, or {@code null} once no one does
     */
    public boolean move(
            RequestId id,
            RequestState from,
            int fromStep,
            RequestState to,
            int step,
            RequestSettings.@Nullable Step currentStep,
            @Nullable AgentId approver,
            Instant now) {
        return jdbc.sql("""
                        UPDATE admin_request SET state = ?, step_index = ?, current_step = ?, approver_soi = ?,
                            updated_at = ?
                        WHERE id = ? AND state = ? AND step_index = ?""")
                        .params(
                                to.name(),
                                step,
                                currentStep == null ? null : currentStep.name(),
                                approver == null ? null : approver.soi(),
                                Timestamp.from(now),
                                id.value(),
                                from.name(),
                                fromStep)
                        .update()
                == 1;
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

    public void event(
            RequestId id,
            Instant at,
            String event,
            RequestSettings.@Nullable Step step,
            @Nullable AgentId actor,
            @Nullable String comment) {
        jdbc.sql(
                        "INSERT INTO admin_request_event (request_id, at, event, step, actor_soi, comment) VALUES (?, ?, ?, ?, ?, ?)")
                .params(
                        id.value(),
                        Timestamp.from(at),
                        event,
                        step == null ? null : step.name(),
                        actor == null ? null : actor.soi(),
                        comment)
                .update();
    }

    public List<AdminRequest.TimelineEntry> timeline(RequestId id) {
        return jdbc.sql("SELECT * FROM admin_request_event WHERE request_id = ? ORDER BY at, id")
                .param(id.value())
                .query((rs, row) -> new AdminRequest.TimelineEntry(
                        rs.getTimestamp("at").toInstant(),
                        rs.getString("event"),
                        step(rs.getString("step")),
                        agent(rs.getString("actor_soi")),
                        rs.getString("comment")))
                .list();
    }

    public void insertDocument(DocumentRow document, byte[] content) {
        jdbc.sql("""
                        INSERT INTO admin_request_document (id, request_id, kind, reference, title, summary, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        document.id(),
                        document.request().value(),
                        document.kind(),
                        document.reference(),
                        document.title(),
                        document.summary(),
                        Timestamp.from(document.createdAt()))
                .update();
        jdbc.sql("INSERT INTO admin_request_document_content (document_id, content) VALUES (?, ?)")
                .params(document.id(), content)
                .update();
    }

    public List<DocumentRow> documents(RequestId id) {
        return jdbc.sql(DOCUMENTS + " WHERE d.request_id = ? ORDER BY d.created_at")
                .param(id.value())
                .query(RequestRepository::document)
                .list();
    }

    public Optional<DocumentRow> documentByReference(String reference) {
        return jdbc.sql(DOCUMENTS + " WHERE d.reference = ?")
                .param(reference)
                .query(RequestRepository::document)
                .optional();
    }

    public byte[] content(UUID document) {
        return jdbc.sql("SELECT content FROM admin_request_document_content WHERE document_id = ?")
                .param(document)
                .query((rs, row) -> rs.getBytes(1))
                .single();
    }

    private static final String DOCUMENTS =
            "SELECT d.*, r.soi FROM admin_request_document d JOIN admin_request r ON r.id = d.request_id";

    private static DocumentRow document(ResultSet rs, int row) throws SQLException {
        return new DocumentRow(
                rs.getObject("id", UUID.class),
                new RequestId(rs.getObject("request_id", UUID.class)),
                AgentId.of(rs.getString("soi")),
                rs.getString("kind"),
                rs.getString("reference"),
                rs.getString("title"),
                rs.getString("summary"),
                rs.getTimestamp("created_at").toInstant());
    }

    private static Row row(ResultSet rs, int row) throws SQLException {
        return new Row(
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
