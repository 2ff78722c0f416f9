package org.guichet.request;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.guichet.directory.AgentId;
import org.jspecify.annotations.Nullable;

/**
 * An administrative request as its agent and the people on its route see it.
 *
 * @param step the step waiting for a decision (1-based), when in review
 * @param currentStep who decides now, when in review
 * @param takenBy who of HR handles it, when someone took it from the queue
 */
public record AdminRequest(
        RequestId id,
        AgentId agent,
        String type,
        Map<String, String> fields,
        RequestState state,
        int step,
        int steps,
        RequestSettings.@Nullable Step currentStep,
        Instant submittedAt,
        @Nullable AgentId takenBy,
        List<TimelineEntry> timeline,
        List<Document> documents,
        List<Attachment> attachments) {

    public AdminRequest {
        fields = Map.copyOf(fields);
        timeline = List.copyOf(timeline);
        documents = List.copyOf(documents);
        attachments = List.copyOf(attachments);
    }

    /** A file the agent attached, for the field it answers. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "AdminRequestAttachment")
    public record Attachment(String id, String field, String fileName, String contentType, int size) {}

    /** A step of the timeline: what happened, at which step of the route, by whom, with their comment. */
    public record TimelineEntry(
            Instant at,
            TimelineEvent event,
            RequestSettings.@Nullable Step step,
            @Nullable AgentId actor,
            @Nullable String comment) {}

    /** A document the request produced. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "AdminRequestDocument")
    public record Document(String id, String kind, String reference, String title, Instant createdAt) {}
}
