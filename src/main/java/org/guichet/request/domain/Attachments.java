package org.guichet.request.domain;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.guichet.directory.AgentId;
import org.guichet.platform.GuichetException;
import org.guichet.request.RequestError;
import org.guichet.request.RequestId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Attachments: PDF, JPEG or PNG up to 10 MB, their type decided by their content (the file must open as what its
 * first bytes say, whatever its name), stored with their metadata. An upload belongs to its agent until a request they
 * file attaches it.
 */
@Repository
public class Attachments {

    public static final int MAX_SIZE = 10 * 1024 * 1024;

    private final JdbcClient jdbc;

    Attachments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An attachment's metadata. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "StoredAttachment")
    public record Attachment(
            UUID id,
            AgentId owner,
            @Nullable RequestId request,
            @Nullable String field,
            String fileName,
            String contentType,
            int size,
            Instant uploadedAt) {}

    /** Checks and stores an upload; gives its metadata. */
    public Attachment upload(AgentId owner, String fileName, byte[] content, Instant now) {
        if (content.length == 0 || content.length > MAX_SIZE) {
            throw new GuichetException(RequestError.ATTACHMENT_TOO_LARGE, MAX_SIZE / (1024 * 1024));
        }
        var type = typeOf(content);
        if (type == null) {
            throw new GuichetException(RequestError.ATTACHMENT_TYPE);
        }
        var name = cleanName(fileName);
        var id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO admin_request_attachment (id, soi, file_name, content_type, size, sha256, uploaded_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(id, owner.soi(), name, type, content.length, sha256(content), Timestamp.from(now))
                .update();
        jdbc.sql("INSERT INTO admin_request_attachment_content (attachment_id, content) VALUES (?, ?)")
                .params(id, content)
                .update();
        return new Attachment(id, owner, null, null, name, type, content.length, now);
    }

    /** Attaches the agent's own, not yet attached upload to a request; tells whether it could. */
    public boolean attach(AgentId owner, UUID id, RequestId request, String field) {
        return jdbc.sql("""
                        UPDATE admin_request_attachment SET request_id = ?, field_name = ?
                        WHERE id = ? AND soi = ? AND request_id IS NULL""").params(request.value(), field, id, owner.soi()).update() == 1;
    }

    public List<Attachment> of(RequestId request) {
        return jdbc.sql("SELECT * FROM admin_request_attachment WHERE request_id = ? ORDER BY uploaded_at")
                .param(request.value())
                .query((rs, row) -> attachment(rs))
                .list();
    }

    public Optional<Attachment> find(UUID id) {
        return jdbc.sql("SELECT * FROM admin_request_attachment WHERE id = ?")
                .param(id)
                .query((rs, row) -> attachment(rs))
                .optional();
    }

    public byte[] content(UUID id) {
        return jdbc.sql("SELECT content FROM admin_request_attachment_content WHERE attachment_id = ?")
                .param(id)
                .query((rs, row) -> rs.getBytes(1))
                .single();
    }

    /** {@code application/pdf}, {@code image/jpeg} or {@code image/png} when the content opens as one; else null. */
    static @Nullable String typeOf(byte[] content) {
        if (starts(content, "%PDF-".getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
            try (var document = Loader.loadPDF(content)) {
                return document.getNumberOfPages() > 0 ? "application/pdf" : null;
            } catch (IOException e) {
                return null;
            }
        }
        var jpeg = starts(content, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF});
        var png = starts(content, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        if (jpeg || png) {
            try {
                var image = ImageIO.read(new ByteArrayInputStream(content));
                return image == null ? null : jpeg ? "image/jpeg" : "image/png";
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }
        return null;
    }

    private static boolean starts(byte[] content, byte[] prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (content[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** The name as people see it: no folders, no control characters, 200 characters at most. */
    private static String cleanName(String fileName) {
        var name = fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1)
                .replaceAll("\\p{Cntrl}", "")
                .strip();
        if (name.isEmpty()) {
            name = "piece-jointe";
        }
        return name.length() <= 200 ? name : name.substring(name.length() - 200);
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Attachment attachment(java.sql.ResultSet rs) throws java.sql.SQLException {
        var request = rs.getObject("request_id", UUID.class);
        return new Attachment(
                rs.getObject("id", UUID.class),
                AgentId.of(rs.getString("soi")),
                request == null ? null : new RequestId(request),
                rs.getString("field_name"),
                rs.getString("file_name"),
                rs.getString("content_type"),
                rs.getInt("size"),
                rs.getTimestamp("uploaded_at").toInstant());
    }
}
