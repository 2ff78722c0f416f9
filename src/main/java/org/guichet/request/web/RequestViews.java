package org.guichet.request.web;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.guichet.directory.DirectoryManagement;
import org.guichet.request.AdminRequest;
import org.guichet.request.RequestSettings;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Requests as the API gives them, with names and labels in the reader's language. */
@Component
class RequestViews {

    private final RequestSettings settings;
    private final DirectoryManagement directory;
    private final MessageSource messages;

    RequestViews(RequestSettings settings, DirectoryManagement directory, MessageSource messages) {
        this.settings = settings;
        this.directory = directory;
        this.messages = messages;
    }

    @io.swagger.v3.oas.annotations.media.Schema(name = "RequestStep")
    record Step(
            Instant at,
            String event,
            String label,
            @Nullable String step,
            @Nullable String actor,
            @Nullable String comment) {}

    @io.swagger.v3.oas.annotations.media.Schema(name = "RequestDocument")
    record Document(String id, String kind, String reference, String title, Instant createdAt, String href) {}

    @io.swagger.v3.oas.annotations.media.Schema(name = "AdministrativeRequest")
    record Request(
            String id,
            String type,
            String typeName,
            String agent,
            Map<String, String> fields,
            List<ShownField> shown,
            String state,
            String stateLabel,
            boolean cancellable,
            int step,
            int steps,
            @Nullable String currentStep,
            Instant submittedAt,
            @Nullable String takenBy,
            List<Step> timeline,
            List<Document> documents,
            List<Attachment> attachments) {}

    /** A field as people read it: its label, and its value with dates and choices written for them. */
    record ShownField(String name, String label, String value) {}

    @io.swagger.v3.oas.annotations.media.Schema(name = "RequestAttachment")
    record Attachment(String id, String field, String fileName, String contentType, int size, String href) {}

    private List<ShownField> shown(RequestSettings.@Nullable TypeDefinition type, AdminRequest request, Locale locale) {
        if (type == null) {
            return List.of();
        }
        return type.fieldList().stream()
                .filter(field -> request.fields().containsKey(field.name()))
                .map(field -> {
                    var value = request.fields().get(field.name());
                    var shown = switch (field.kind()) {
                        case DATE -> org.guichet.platform.DisplayZone.DATE.format(java.time.LocalDate.parse(value));
                        case CHOICE ->
                            messages.getMessage("request.choice." + field.name() + "." + value, null, value, locale);
                        case ATTACHMENT ->
                            request.attachments().stream()
                                    .filter(attachment -> attachment.id().equals(value))
                                    .map(AdminRequest.Attachment::fileName)
                                    .findFirst()
                                    .orElse(value);
                        default -> value;
                    };
                    return new ShownField(field.name(), field.label(locale), shown);
                })
                .toList();
    }

    Request of(AdminRequest request, Locale locale) {
        var type = settings.type(request.type()).orElse(null);
        return new Request(
                request.id().toString(),
                request.type(),
                type == null ? request.type() : type.name(locale),
                request.agent().soi(),
                request.fields(),
                shown(type, request, locale),
                request.state().name(),
                messages.getMessage("request.state." + request.state().name(), null, locale),
                request.state().cancellable(),
                request.step(),
                request.steps(),
                request.currentStep() == null ? null : request.currentStep().name(),
                request.submittedAt(),
                request.takenBy() == null ? null : directory.displayName(request.takenBy()),
                request.timeline().stream()
                        .map(entry -> new Step(
                                entry.at(),
                                entry.event().name(),
                                messages.getMessage(
                                        "request.event." + entry.event(),
                                        null,
                                        entry.event().name(),
                                        locale),
                                entry.step() == null ? null : entry.step().name(),
                                entry.actor() == null ? null : directory.displayName(entry.actor()),
                                entry.comment()))
                        .toList(),
                request.documents().stream()
                        .map(document -> new Document(
                                document.id(),
                                document.kind(),
                                document.reference(),
                                document.title(),
                                document.createdAt(),
                                "/api/v1/requests/" + request.id() + "/documents/" + document.id()))
                        .toList(),
                request.attachments().stream()
                        .map(attachment -> new Attachment(
                                attachment.id(),
                                attachment.field(),
                                attachment.fileName(),
                                attachment.contentType(),
                                attachment.size(),
                                "/api/v1/requests/" + request.id() + "/attachments/" + attachment.id()))
                        .toList());
    }
}
