package org.guichet.messaging.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.List;
import org.guichet.directory.AgentId;
import org.guichet.messaging.MailAccounts;
import org.guichet.messaging.MailSending;
import org.guichet.messaging.Mailboxes;
import org.guichet.messaging.MessageId;
import org.guichet.messaging.MessagingError;
import org.guichet.messaging.MessagingSettings;
import org.guichet.messaging.OutgoingMail;
import org.guichet.platform.GuichetException;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The webmail's pages, phone first: a folder's messages, newest first, searched on the server; a message to read; a
 * message to write (new, or a reply), refused with the charter's rule when it goes outside the administration.
 */
@Controller
@ConditionalOnWebApplication
class MailController {

    static final int PAGE_SIZE = 25;

    private final MailAccounts accounts;
    private final Mailboxes mailboxes;
    private final MailSending sending;
    private final MessagingSettings settings;

    MailController(MailAccounts accounts, Mailboxes mailboxes, MailSending sending, MessagingSettings settings) {
        this.accounts = accounts;
        this.mailboxes = mailboxes;
        this.sending = sending;
        this.settings = settings;
    }

    /** What the agent writes: addresses separated by commas or semicolons. */
    record ComposeForm(
            @Nullable String to,
            @Nullable String cc,
            @Nullable String subject,
            @Nullable String text,
            @Nullable String inReplyTo) {}

    @GetMapping("/mail")
    String showFolder(
            @RequestParam(defaultValue = "INBOX") String folder,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "") String q,
            HttpServletRequest request,
            Authentication agent,
            Model model) {
        var shown = Math.max(0, Math.min(page, 100_000));
        var name = folder.isBlank() ? "INBOX" : folder;
        var query = q.length() > 200 ? q.substring(0, 200) : q;
        accounts.use(request, agent, account -> {
            model.addAttribute("folders", mailboxes.folders(account));
            model.addAttribute("messages", mailboxes.messages(account, name, query, shown, PAGE_SIZE));
        });
        model.addAttribute("query", query.strip());
        model.addAttribute("sent", settings.sentFolder());
        model.addAttribute("trash", settings.trashFolder());
        return "messaging/folder";
    }

    @GetMapping("/mail/messages/{id}")
    String showMessage(
            @PathVariable String id,
            @RequestParam(defaultValue = "false") boolean images,
            HttpServletRequest request,
            Authentication agent,
            Model model) {
        var message = MessageId.named(id);
        model.addAttribute(
                "message", accounts.with(request, agent, account -> mailboxes.read(account, message, images)));
        model.addAttribute("folder", message.folder());
        model.addAttribute("trash", settings.trashFolder());
        return "messaging/message";
    }

    /** The types a downloaded attachment keeps; any other is sent as bytes (never shown as a page of the portal). */
    private static final java.util.regex.Pattern KEPT_TYPES = java.util.regex.Pattern.compile(
            "application/pdf|image/(png|jpeg|gif)|text/(plain|csv)|application/zip|application/msword"
                    + "|application/vnd\\.(ms-excel|ms-powerpoint|openxmlformats-officedocument\\.[a-z.]+"
                    + "|oasis\\.opendocument\\.[a-z.]+)");

    /** An attachment, downloaded as it comes from the mail server (never held whole by Guichet). */
    @GetMapping("/mail/messages/{id}/attachments/{part}")
    void downloadAttachment(
            @PathVariable String id,
            @PathVariable String part,
            HttpServletRequest request,
            HttpServletResponse response,
            Authentication agent) {
        var message = MessageId.named(id);
        accounts.use(request, agent, account -> {
            try {
                mailboxes.download(
                        account,
                        message,
                        part,
                        head -> {
                            response.setContentType(
                                    KEPT_TYPES.matcher(head.type()).matches()
                                            ? head.type()
                                            : "application/octet-stream");
                            response.setHeader(
                                    "Content-Disposition",
                                    org.springframework.http.ContentDisposition.attachment()
                                            .filename(head.name(), java.nio.charset.StandardCharsets.UTF_8)
                                            .build()
                                            .toString());
                            response.setHeader("X-Content-Type-Options", "nosniff");
                            response.setHeader("Cache-Control", "private, no-store");
                        },
                        response.getOutputStream());
            } catch (java.io.IOException closed) {
                // the browser went away: nothing more to send
            }
        });
    }

    /** Back to the folder, the message marked unread. */
    @PostMapping("/mail/messages/{id}/unread")
    String processUnread(@PathVariable String id, HttpServletRequest request, Authentication agent) {
        var message = MessageId.named(id);
        accounts.use(request, agent, account -> mailboxes.mark(account, message, false, null));
        return backTo(message);
    }

    /** Back to the folder, the message in the Trash (deleted for good when it was there). */
    @PostMapping("/mail/messages/{id}/delete")
    String processDelete(
            @PathVariable String id, HttpServletRequest request, Authentication agent, RedirectAttributes redirect) {
        var message = MessageId.named(id);
        accounts.use(request, agent, account -> mailboxes.move(account, message, settings.trashFolder()));
        redirect.addFlashAttribute("deleted", true);
        return backTo(message);
    }

    /** A new message, or a reply to one ({@code reply}: its id): the sender, "Re:" and the text quoted. */
    @GetMapping("/mail/compose")
    String initComposeForm(
            @RequestParam(required = false) @Nullable String reply,
            HttpServletRequest request,
            Authentication agent,
            Model model) {
        var form = new ComposeForm("", "", "", "", null);
        if (reply != null) {
            var id = MessageId.named(reply);
            var original = accounts.with(request, agent, account -> mailboxes.read(account, id, false));
            var subject = original.subject().regionMatches(true, 0, "Re:", 0, 3)
                    ? original.subject()
                    : "Re: " + original.subject();
            var quoted = original.text().lines().map(line -> "> " + line).toList();
            form = new ComposeForm(
                    original.from(), "", subject, "\n\n" + String.join("\n", quoted), original.messageId());
        }
        model.addAttribute("form", form);
        return "messaging/compose";
    }

    @PostMapping("/mail/compose")
    String processComposeForm(
            @ModelAttribute("form") ComposeForm form,
            BindingResult result,
            HttpServletRequest request,
            HttpServletResponse response,
            Authentication agent,
            RedirectAttributes redirect) {
        var mail = new OutgoingMail(
                addresses(form.to()),
                addresses(form.cc()),
                form.subject() == null ? "" : form.subject(),
                form.text() == null ? "" : form.text(),
                false,
                form.inReplyTo() == null || form.inReplyTo().isBlank() ? null : form.inReplyTo());
        try {
            var sender = AgentId.of(agent.getName());
            var checked = sending.check(sender, mail);
            accounts.use(request, agent, account -> sending.send(sender, account, checked));
        } catch (GuichetException refused) {
            if (refused.errorCode() != MessagingError.OUTSIDE_RECIPIENT
                    && refused.errorCode() != MessagingError.MESSAGE_INVALID) {
                throw refused;
            }
            result.rejectValue(
                    "to",
                    refused.errorCode().messageKey(),
                    refused.getDetailMessageArguments(),
                    refused.errorCode().messageKey());
            response.setStatus(refused.getStatusCode().value());
            return "messaging/compose";
        }
        redirect.addFlashAttribute("sent", true);
        return "redirect:/mail";
    }

    /** Back to the folder the message was in. */
    private static String backTo(MessageId message) {
        return "redirect:/mail?folder="
                + org.springframework.web.util.UriUtils.encodeQueryParam(
                        message.folder(), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static List<String> addresses(@Nullable String written) {
        if (written == null || written.isBlank()) {
            return List.of();
        }
        return Arrays.stream(written.split("[,;]"))
                .map(String::strip)
                .filter(address -> !address.isEmpty())
                .toList();
    }
}
