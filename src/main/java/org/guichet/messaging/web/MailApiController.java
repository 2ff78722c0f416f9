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
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The webmail for the mobile app and the pages' scripts: {@code /api/v1/mail}. */
@RestController
@ConditionalOnWebApplication
@RequestMapping("/api/v1/mail")
class MailApiController {

    private final MailAccounts accounts;
    private final Mailboxes mailboxes;
    private final MailSending sending;
    private final MessagingSettings settings;

    MailApiController(MailAccounts accounts, Mailboxes mailboxes, MailSending sending, MessagingSettings settings) {
        this.accounts = accounts;
        this.mailboxes = mailboxes;
        this.sending = sending;
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
     * A message to send ({@code {"to": […], "cc": […], "subject": …, "text": …}}), refused when a recipient is outside
     * the administration (the charter); {@code 201} once sent and kept in Sent.
     */
    @PostMapping("/messages")
    @ResponseStatus(HttpStatus.CREATED)
    void send(@RequestBody @Valid SendCommand command, HttpServletRequest request, Authentication agent) {
        var mail = new OutgoingMail(
                command.to(),
                command.cc() == null ? List.of() : command.cc(),
                command.subject() == null ? "" : command.subject(),
                command.text() == null ? "" : command.text(),
                Boolean.TRUE.equals(command.outsideConfirmed()),
                command.inReplyTo());
        var sender = AgentId.of(agent.getName());
        var checked = sending.check(sender, mail);
        accounts.use(request, agent, account -> sending.send(sender, account, checked));
    }

    /** What the API takes to send a message. */
    record SendCommand(
            @NotNull @Size(min = 1, max = MailSending.MOST_RECIPIENTS)
            List<@NotNull String> to,

            @Nullable @Size(max = MailSending.MOST_RECIPIENTS)
            List<@NotNull String> cc,

            @Nullable @Size(max = 998) String subject,
            @Nullable @Size(max = MailSending.LONGEST_TEXT) String text,
            @Nullable Boolean outsideConfirmed,
            @Nullable @Size(max = 256) String inReplyTo) {}

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
