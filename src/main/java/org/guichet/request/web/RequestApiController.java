package org.guichet.request.web;

import java.security.Principal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.guichet.directory.AgentId;
import org.guichet.platform.Downloads;
import org.guichet.platform.GuichetException;
import org.guichet.request.RequestDocuments;
import org.guichet.request.RequestError;
import org.guichet.request.RequestId;
import org.guichet.request.RequestManagement;
import org.guichet.request.RequestReview;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The requests API: my requests, a new one, one with its timeline, its documents, its cancellation. */
@RestController
class RequestApiController {

    private final RequestManagement requests;
    private final RequestReview review;
    private final RequestDocuments files;
    private final RequestViews views;

    RequestApiController(RequestManagement requests, RequestReview review, RequestDocuments files, RequestViews views) {
        this.requests = requests;
        this.review = review;
        this.files = files;
        this.views = views;
    }

    /** A new request: its type's id and its fields by name. */
    /** A new request: its type's id, its fields by name, and {@code draft} to save it without filing it. */
    record SubmitCommand(
            @Nullable String type,
            @Nullable Map<String, String> fields,
            @Nullable Boolean draft) {}

    record TypeView(String id, String name, String description, List<String> fields, List<String> route) {}

    @GetMapping("/api/v1/request-types")
    List<TypeView> types(Locale locale) {
        return requests.types().stream()
                .map(type -> new TypeView(
                        type.id(),
                        type.name(locale),
                        type.description(locale),
                        type.fieldList().stream().map(field -> field.name()).toList(),
                        type.steps().stream().map(Enum::name).toList()))
                .toList();
    }

    @GetMapping("/api/v1/requests")
    List<RequestViews.Request> list(Principal principal, Locale locale) {
        return requests.requests(AgentId.of(principal.getName())).stream()
                .map(request -> views.of(request, locale))
                .toList();
    }

    @PostMapping("/api/v1/requests")
    @ResponseStatus(HttpStatus.CREATED)
    RequestViews.Request submit(@RequestBody SubmitCommand command, Principal principal, Locale locale) {
        if (command.type() == null) {
            throw new GuichetException(RequestError.UNKNOWN_TYPE, "");
        }
        var fields = command.fields() == null ? Map.<String, String>of() : command.fields();
        var agent = AgentId.of(principal.getName());
        return views.of(
                Boolean.TRUE.equals(command.draft())
                        ? requests.saveDraft(agent, command.type(), fields)
                        : requests.submit(agent, command.type(), fields),
                locale);
    }

    /** Files a draft. */
    @PostMapping("/api/v1/requests/{id}/submit")
    RequestViews.Request submitDraft(@PathVariable String id, Principal principal, Locale locale) {
        return views.of(requests.submitDraft(AgentId.of(principal.getName()), parse(id)), locale);
    }

    @GetMapping("/api/v1/requests/{id}")
    RequestViews.Request show(@PathVariable String id, Principal principal, Locale locale) {
        return views.of(requests.request(AgentId.of(principal.getName()), parse(id)), locale);
    }

    @GetMapping("/api/v1/requests/{id}/documents/{documentId}")
    ResponseEntity<byte[]> document(@PathVariable String id, @PathVariable String documentId, Principal principal) {
        var document = files.document(AgentId.of(principal.getName()), parse(id), documentId);
        return Downloads.file(MediaType.APPLICATION_PDF, document.reference() + ".pdf", false)
                .body(document.content());
    }

    record AttachmentView(String id, String fileName, String contentType, int size) {}

    record CommentCommand(@Nullable String comment) {}

    /** Uploads a file to attach to a request about to be filed: its id is then the value of the attachment field. */
    @PostMapping("/api/v1/requests/attachments")
    @ResponseStatus(HttpStatus.CREATED)
    AttachmentView upload(@RequestPart("file") MultipartFile file, Principal principal) throws java.io.IOException {
        var attachment = requests.upload(
                AgentId.of(principal.getName()),
                file.getOriginalFilename() == null ? "" : file.getOriginalFilename(),
                file.getBytes());
        return new AttachmentView(
                attachment.id().toString(), attachment.fileName(), attachment.contentType(), attachment.size());
    }

    @GetMapping("/api/v1/requests/{id}/attachments/{attachmentId}")
    ResponseEntity<byte[]> attachment(@PathVariable String id, @PathVariable String attachmentId, Principal principal) {
        var attachment = files.attachment(AgentId.of(principal.getName()), parse(id), attachmentId);
        return Downloads.file(MediaType.parseMediaType(attachment.contentType()), attachment.fileName(), false)
                .body(attachment.content());
    }

    /** Whoever decides the current step asks the agent for more information. */
    @PostMapping("/api/v1/requests/{id}/ask-information")
    RequestViews.Request askInformation(
            @PathVariable String id, @RequestBody CommentCommand command, Principal principal, Locale locale) {
        return views.of(review.askInformation(AgentId.of(principal.getName()), parse(id), command.comment()), locale);
    }

    /** The agent gives the information asked for. */
    @PostMapping("/api/v1/requests/{id}/information")
    RequestViews.Request giveInformation(
            @PathVariable String id, @RequestBody CommentCommand command, Principal principal, Locale locale) {
        return views.of(
                requests.giveInformation(AgentId.of(principal.getName()), parse(id), command.comment()), locale);
    }

    @PostMapping("/api/v1/requests/{id}/cancel")
    RequestViews.Request cancel(@PathVariable String id, Principal principal, Locale locale) {
        return views.of(requests.cancel(AgentId.of(principal.getName()), parse(id)), locale);
    }

    static RequestId parse(String id) {
        return RequestId.parse(id).orElseThrow(() -> new GuichetException(RequestError.REQUEST_NOT_FOUND));
    }
}
