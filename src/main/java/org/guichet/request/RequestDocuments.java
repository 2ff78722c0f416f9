package org.guichet.request;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.guichet.directory.AgentId;
import org.guichet.platform.GuichetException;
import org.guichet.request.domain.Attachments;
import org.guichet.request.domain.DocumentRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The files of requests: the documents completed requests produced and the attachments agents gave, for the agent and
 * the people on the route only; and what the public verification page says of a document's reference.
 */
@Service
public class RequestDocuments {

    /** The longest reference the verification page looks up. */
    private static final int REFERENCE_MAX_LENGTH = 20;

    private final RequestRoute route;
    private final DocumentRepository documents;
    private final Attachments attachments;

    RequestDocuments(RequestRoute route, DocumentRepository documents, Attachments attachments) {
        this.route = route;
        this.documents = documents;
        this.attachments = attachments;
    }

    /** A document of a request, for its agent or someone on its route. */
    @Transactional(readOnly = true)
    public DocumentContent document(AgentId reader, RequestId id, String documentId) {
        route.readable(reader, id);
        var document = documents.of(id).stream()
                .filter(row -> row.id().toString().equals(documentId))
                .findFirst()
                .orElseThrow(() -> new GuichetException(RequestError.DOCUMENT_NOT_FOUND));
        return new DocumentContent(document.title(), document.reference(), documents.content(document.id()));
    }

    /** A document's PDF. */
    public record DocumentContent(String title, String reference, byte[] content) {}

    /** An attachment of a request, for the agent and the people on its route only. */
    @Transactional(readOnly = true)
    public AttachmentContent attachment(AgentId reader, RequestId id, String attachmentId) {
        route.readable(reader, id);
        var attachment = attachments.of(id).stream()
                .filter(candidate -> candidate.id().toString().equals(attachmentId))
                .findFirst()
                .orElseThrow(() -> new GuichetException(RequestError.ATTACHMENT_NOT_FOUND));
        return new AttachmentContent(
                attachment.fileName(), attachment.contentType(), attachments.content(attachment.id()));
    }

    /** An attachment's file. */
    public record AttachmentContent(String fileName, String contentType, byte[] content) {}

    /** What the public verification page says of a reference: only whether it is authentic and what it certifies. */
    @Transactional(readOnly = true)
    public Optional<Verification> verify(String reference) {
        if (reference.length() > REFERENCE_MAX_LENGTH) {
            return Optional.empty();
        }
        return documents
                .byReference(reference.strip().toUpperCase(Locale.ROOT))
                .map(row -> new Verification(row.reference(), row.kind(), row.summary(), row.createdAt()));
    }

    /** A verified document: its reference, kind, what it certifies, and when it was issued. */
    public record Verification(String reference, String kind, String summary, Instant issuedAt) {}
}
