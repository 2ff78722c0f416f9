package org.guichet.request.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.guichet.directory.AgentId;
import org.guichet.request.RequestId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The documents completed requests produced, their PDF, and what the public verification page may say of them. */
@Repository
public class DocumentRepository {

    private static final String DOCUMENTS =
            "SELECT d.*, r.soi FROM admin_request_document d JOIN admin_request r ON r.id = d.request_id";

    private final JdbcClient jdbc;

    DocumentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

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

    public void insert(DocumentRow document, byte[] content) {
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

    public List<DocumentRow> of(RequestId id) {
        return jdbc.sql(DOCUMENTS + " WHERE d.request_id = ? ORDER BY d.created_at")
                .param(id.value())
                .query(DocumentRepository::document)
                .list();
    }

    public Optional<DocumentRow> byReference(String reference) {
        return jdbc.sql(DOCUMENTS + " WHERE d.reference = ?")
                .param(reference)
                .query(DocumentRepository::document)
                .optional();
    }

    public byte[] content(UUID document) {
        return jdbc.sql("SELECT content FROM admin_request_document_content WHERE document_id = ?")
                .param(document)
                .query((rs, row) -> rs.getBytes(1))
                .single();
    }

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
}
