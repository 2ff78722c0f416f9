package org.guichet.messaging.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.guichet.directory.AgentId;
import org.guichet.messaging.Folder;
import org.guichet.messaging.GuichetDocuments;
import org.guichet.messaging.MailAccounts;
import org.guichet.messaging.MailSending;
import org.guichet.messaging.Mailboxes;
import org.guichet.messaging.MessageId;
import org.guichet.messaging.MessagePage;
import org.guichet.messaging.MessageView;
import org.guichet.messaging.MessagingSettings;
import org.guichet.messaging.OutgoingMail;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The webmail for the mobile app and the pages' scripts: {@code /api/v1/mail}. */
@RestController
@ConditionalOnWebApplication
@RequestMapping("/api/v1/mail")
class MailApiController {

    private final MailAccounts accounts;
    private final Mailboxes mailboxes;
    private final MailSending sending;
    private final GuichetDocuments documents;
    private final MessagingSettings settings;

    MailApiController(
            MailAccounts accounts,
            Mailboxes mailboxes,
            MailSending sending,
            GuichetDocuments documents,
            MessagingSettings settings) {
        this.accounts = accounts;
        this.mailboxes = mailboxes;
        this.sending = sending;
        this.documents = documents;
        this.settings = settings;
    }

    /**
     * One page of a folder's messages, newest first ({@code page} from 0, {@code size} 1 to 100); with {@code q}, those
     * whose sender, subject or text holds it (searched by the server).
     */
    @GetMapping("/folders/{folder}/messages")
    MessagePage messages(
            @PathVariable String folder,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            @RequestParam(defaultValue = "") @Size(max = 200) String q,
            HttpServletRequest request,
            Authentication agent) {
        return accounts.with(request, agent, account -> mailboxes.messages(account, folder, q, page, size));
    }

    /** A message to read (marked read), its HTML sanitised; remote images only with {@code images=true}. */
    @GetMapping("/messages/{id}")
    MessageView message(
            @PathVariable String id,
            @RequestParam(defaultValue = "false") boolean images,
            HttpServletRequest request,
            Authentication agent) {
        var message = MessageId.named(id);
        return accounts.with(request, agent, account -> mailboxes.read(account, message, images));
    }

    /**
     * A message to send ({@code {"to": […], "cc": […], "subject": …, "text": …, "attachments": [{"document": …}]}}),
     * refused when a recipient is outside the administration (the charter), or a Guichet document would go outside;
     * {@code 201} once sent and kept in Sent.
     */
    @PostMapping(path = "/messages", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    void send(@RequestBody @Valid SendCommand command, HttpServletRequest request, Authentication agent) {
        send(command, List.of(), request, agent);
    }

    /**
     * The same with files: {@code multipart/form-data} with the message as JSON in the part {@code message} and each
     * file in a part {@code files} (kept on disk as it arrives, never held whole).
     */
    @PostMapping(path = "/messages", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    void sendWithFiles(
            @RequestPart("message") @Valid SendCommand command,
            @RequestPart(name = "files", required = false) @Nullable List<MultipartFile> files,
            HttpServletRequest request,
            Authentication agent) {
        send(command, files == null ? List.of() : files, request, agent);
    }

    private void send(
            SendCommand command, List<MultipartFile> files, HttpServletRequest request, Authentication agent) {
        var sender = AgentId.of(agent.getName());
        var checked = sending.check(sender, command.mail(files));
        accounts.use(request, agent, account -> sending.send(sender, account, checked));
    }

    /**
     * Keeps a message as a draft (its recipients may be incomplete; the charter is applied when it is sent): {@code
     * 201} with its name when the server tells it.
     */
    @PostMapping(path = "/drafts", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    DraftSaved saveDraft(@RequestBody @Valid SendCommand command, HttpServletRequest request, Authentication agent) {
        var sender = AgentId.of(agent.getName());
        var saved =
                accounts.with(request, agent, account -> sending.saveDraft(sender, account, command.mail(List.of())));
        return new DraftSaved(saved == null ? null : saved.value());
    }

    /** A draft kept: its name, when the mail server tells it (UIDPLUS); null otherwise. */
    record DraftSaved(@Nullable String id) {}

    /**
     * What the API takes to send a message: its recipients, subject and text; the Guichet documents attached ({@code
     * {"document": "payslip:…"}}); the message whose attachments go along ({@code attachmentsOf}: forwarded, or the
     * draft continued) and the draft it replaces.
     */
    record SendCommand(
            @Nullable @Size(max = MailSending.MOST_RECIPIENTS)
            List<@NotNull String> to,

            @Nullable @Size(max = MailSending.MOST_RECIPIENTS)
            List<@NotNull String> cc,

            @Nullable @Size(max = 998) String subject,
            @Nullable @Size(max = MailSending.LONGEST_TEXT) String text,
            @Nullable Boolean outsideConfirmed,
            @Nullable @Size(max = 256) String inReplyTo,

            @Nullable @Size(max = MailSending.MOST_ATTACHMENTS)
            List<@NotNull @Valid DocumentAttachment> attachments,

            @Nullable @Size(max = 500) String attachmentsOf,
            @Nullable @Size(max = 500) String draft) {

        OutgoingMail mail(List<MultipartFile> files) {
            return new OutgoingMail(
                    to == null ? List.of() : to,
                    cc == null ? List.of() : cc,
                    subject == null ? "" : subject,
                    text == null ? "" : text,
                    Boolean.TRUE.equals(outsideConfirmed),
                    inReplyTo,
                    files.stream()
                            .filter(file -> !file.isEmpty())
                            .map(MailApiController::file)
                            .toList(),
                    attachments == null
                            ? List.of()
                            : attachments.stream()
                                    .map(DocumentAttachment::document)
                                    .toList(),
                    attachmentsOf == null ? null : MessageId.named(attachmentsOf),
                    draft == null ? null : MessageId.named(draft));
        }
    }

    /** A Guichet document attached by its reference ({@code payslip:…}, {@code certificate:…}). */
    record DocumentAttachment(
            @NotNull @Size(min = 1, max = 200) String document) {}

    /** An uploaded file as the message takes it. */
    static OutgoingMail.File file(MultipartFile file) {
        return new OutgoingMail.File(
                file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()
                        ? "piece-jointe"
                        : file.getOriginalFilename(),
                file.getContentType() == null ? "application/octet-stream" : file.getContentType(),
                file.getSize(),
                file);
    }

    /** The Guichet documents the agent may attach (their references, kinds and titles). */
    @GetMapping("/documents")
    List<GuichetDocuments.Offered> documents(Authentication agent) {
        return documents.offered(AgentId.of(agent.getName()));
    }

    /** Marks a message read or not, flagged or not ({@code {"seen": …, "flagged": …}}, each optional). */
    @PatchMapping("/messages/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void mark(
            @PathVariable String id,
            @RequestBody MarkCommand command,
            HttpServletRequest request,
            Authentication agent) {
        var message = MessageId.named(id);
        accounts.use(request, agent, account -> mailboxes.mark(account, message, command.seen(), command.flagged()));
    }

    record MarkCommand(@Nullable Boolean seen, @Nullable Boolean flagged) {}

    /** Deletes a message: to the Trash, or for good from the Trash. */
    @DeleteMapping("/messages/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String id, HttpServletRequest request, Authentication agent) {
        move(id, new MoveCommand(settings.trashFolder()), request, agent);
    }

    /** Moves a message to another folder of the mailbox ({@code {"folder": …}}). */
    @PostMapping("/messages/{id}/move")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void move(
            @PathVariable String id,
            @RequestBody @Valid MoveCommand command,
            HttpServletRequest request,
            Authentication agent) {
        var message = MessageId.named(id);
        accounts.use(request, agent, account -> mailboxes.move(account, message, command.folder()));
    }

    record MoveCommand(@NotNull @Size(min = 1, max = 200) String folder) {}

    /** The agent's folders with their unread and total counts, the inbox first. */
    @GetMapping("/folders")
    List<Folder> folders(HttpServletRequest request, Authentication agent) {
        return accounts.with(request, agent, mailboxes::folders);
    }
}
