package org.guichet.messaging.web;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.guichet.directory.AgentId;
import org.guichet.messaging.GuichetDocuments;
import org.guichet.messaging.MailAccounts;
import org.guichet.messaging.MailSending;
import org.guichet.messaging.Mailboxes;
import org.guichet.messaging.MessageId;
import org.guichet.messaging.MessageView;
import org.guichet.messaging.MessagingError;
import org.guichet.messaging.MessagingSettings;
import org.guichet.messaging.OutgoingMail;
import org.guichet.platform.GuichetException;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/**
 * The webmail's pages, phone first: a folder's messages, newest first, searched on the server; a message to read,
 * flag, move or delete; a message to write (new, a reply, a reply to all, a forward, a draft continued), with files
 * and Guichet documents attached, refused with the charter's rule when it goes outside the administration.
 */
@Controller
@ConditionalOnWebApplication
class MailController {

    static final int PAGE_SIZE = 25;

    /** The refusals of a message that the compose page explains beside the form (the others are pages of their own). */
    private static final Set<MessagingError> ON_THE_FORM = Set.of(
            MessagingError.OUTSIDE_RECIPIENT,
            MessagingError.MESSAGE_INVALID,
            MessagingError.DOCUMENT_OUTSIDE,
            MessagingError.DOCUMENT_NOT_FOUND,
            MessagingError.ATTACHMENTS_TOO_LARGE,
            MessagingError.RECIPIENT_REFUSED);

    private final MailAccounts accounts;
    private final Mailboxes mailboxes;
    private final MailSending sending;
    private final GuichetDocuments documents;
    private final MessagingSettings settings;
    private final MessageSource messages;

    MailController(
            MailAccounts accounts,
            Mailboxes mailboxes,
            MailSending sending,
            GuichetDocuments documents,
            MessagingSettings settings,
            MessageSource messages) {
        this.accounts = accounts;
        this.mailboxes = mailboxes;
        this.sending = sending;
        this.documents = documents;
        this.settings = settings;
        this.messages = messages;
    }

    /**
     * What the agent writes: addresses separated by commas or semicolons; the Guichet documents ticked; the message
     * whose attachments go along (forwarded, or the draft continued) and the draft it replaces.
     */
    record ComposeForm(
            @Nullable String to,
            @Nullable String cc,
            @Nullable String subject,
            @Nullable String text,
            @Nullable String inReplyTo,
            @Nullable List<String> documents,
            @Nullable String attachmentsOf,
            @Nullable String draft,
            @Nullable Boolean outsideConfirmed) {}

    /** The folders' names as the agent reads them: the inbox, Sent, Drafts and the Trash in the agent's language. */
    @ModelAttribute
    void folderNames(Model model) {
        model.addAttribute("sent", settings.sentFolder());
        model.addAttribute("trash", settings.trashFolder());
        model.addAttribute("drafts", settings.draftsFolder());
    }

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
        var view =
                accounts.with(request, agent, account -> mailboxes.folderView(account, name, query, shown, PAGE_SIZE));
        model.addAttribute("folders", view.folders());
        model.addAttribute("messages", view.messages());
        model.addAttribute("query", query.strip());
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
        accounts.use(request, agent, account -> {
            model.addAttribute("message", mailboxes.read(account, message, images));
            model.addAttribute("folders", mailboxes.folders(account));
        });
        model.addAttribute("folder", message.folder());
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
                                            .filename(head.name(), StandardCharsets.UTF_8)
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

    /** Back to the message, flagged or not. */
    @PostMapping("/mail/messages/{id}/flag")
    String processFlag(
            @PathVariable String id,
            @RequestParam(defaultValue = "true") boolean flagged,
            HttpServletRequest request,
            Authentication agent) {
        var message = MessageId.named(id);
        accounts.use(request, agent, account -> mailboxes.mark(account, message, null, flagged));
        return "redirect:/mail/messages/" + message.value();
    }

    /** Back to the folder, the message moved to another. */
    @PostMapping("/mail/messages/{id}/move")
    String processMove(
            @PathVariable String id,
            @RequestParam String folder,
            HttpServletRequest request,
            Authentication agent,
            RedirectAttributes redirect) {
        var message = MessageId.named(id);
        accounts.use(request, agent, account -> mailboxes.move(account, message, folder));
        redirect.addFlashAttribute("moved", folder);
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

    /**
     * A message to write: new; a reply ({@code reply}: the sender, "Re:" and the text quoted); a reply to all ({@code
     * replyAll}: the sender and every recipient but the agent); a forward ({@code forward}: its text and attachments);
     * or a draft continued ({@code draft}).
     */
    @GetMapping("/mail/compose")
    String initComposeForm(
            @RequestParam(required = false) @Nullable String reply,
            @RequestParam(required = false) @Nullable String replyAll,
            @RequestParam(required = false) @Nullable String forward,
            @RequestParam(required = false) @Nullable String draft,
            HttpServletRequest request,
            Authentication agent,
            Model model) {
        var form = new ComposeForm("", "", "", "", null, List.of(), null, null, null);
        List<MessageView.Attachment> kept = List.of();
        var from = reply != null ? reply : replyAll != null ? replyAll : forward != null ? forward : draft;
        if (from != null) {
            var id = MessageId.named(from);
            var self = new String[1];
            var original = accounts.with(request, agent, account -> {
                self[0] = account.address();
                return mailboxes.read(account, id, false);
            });
            if (draft != null) {
                form = new ComposeForm(
                        String.join(", ", bare(original.to(), null)),
                        String.join(", ", bare(original.cc(), null)),
                        original.subject(),
                        original.text(),
                        null,
                        List.of(),
                        id.value(),
                        id.value(),
                        null);
                kept = original.attachments();
            } else if (forward != null) {
                form = new ComposeForm(
                        "",
                        "",
                        prefixed("Fwd:", original.subject()),
                        "\n\n" + forwarded(original),
                        null,
                        List.of(),
                        id.value(),
                        null,
                        null);
                kept = original.attachments();
            } else {
                var quoted = original.text().lines().map(line -> "> " + line).toList();
                var to = new ArrayList<>(bare(List.of(original.from()), null));
                var cc = List.<String>of();
                if (replyAll != null) {
                    bare(original.to(), self[0]).stream()
                            .filter(address -> !to.contains(address))
                            .forEach(to::add);
                    cc = bare(original.cc(), self[0]);
                }
                form = new ComposeForm(
                        String.join(", ", to),
                        String.join(", ", cc),
                        prefixed("Re:", original.subject()),
                        "\n\n" + String.join("\n", quoted),
                        original.messageId(),
                        List.of(),
                        null,
                        null,
                        null);
            }
        }
        model.addAttribute("form", form);
        return composePage(agent, model, kept);
    }

    @PostMapping("/mail/compose")
    String processComposeForm(
            @ModelAttribute("form") ComposeForm form,
            BindingResult result,
            @RequestParam(name = "files", required = false) @Nullable List<MultipartFile> files,
            @RequestParam(name = "action", defaultValue = "send") String action,
            HttpServletRequest request,
            HttpServletResponse response,
            Authentication agent,
            Model model,
            RedirectAttributes redirect) {
        var attached = files == null
                ? List.<OutgoingMail.File>of()
                : files.stream()
                        .filter(file -> !file.isEmpty())
                        .map(MailApiController::file)
                        .toList();
        var mail = new OutgoingMail(
                addresses(form.to()),
                addresses(form.cc()),
                form.subject() == null ? "" : form.subject(),
                form.text() == null ? "" : form.text(),
                Boolean.TRUE.equals(form.outsideConfirmed()),
                form.inReplyTo() == null || form.inReplyTo().isBlank() ? null : form.inReplyTo(),
                attached,
                form.documents() == null ? List.of() : form.documents(),
                optionalId(form.attachmentsOf()),
                optionalId(form.draft()));
        var sender = AgentId.of(agent.getName());
        try {
            if ("draft".equals(action)) {
                accounts.use(request, agent, account -> sending.saveDraft(sender, account, mail));
                redirect.addFlashAttribute("draftSaved", true);
                return "redirect:/mail?folder="
                        + UriUtils.encodeQueryParam(settings.draftsFolder(), StandardCharsets.UTF_8);
            }
            var checked = sending.check(sender, mail);
            accounts.use(request, agent, account -> sending.send(sender, account, checked));
        } catch (GuichetException refused) {
            if (!(refused.errorCode() instanceof MessagingError error) || !ON_THE_FORM.contains(error)) {
                throw refused;
            }
            result.rejectValue(
                    error == MessagingError.ATTACHMENTS_TOO_LARGE || error == MessagingError.DOCUMENT_NOT_FOUND
                            ? "documents"
                            : "to",
                    error.messageKey(),
                    refused.getDetailMessageArguments(),
                    error.messageKey());
            response.setStatus(refused.getStatusCode().value());
            model.addAttribute("filesLost", !attached.isEmpty());
            model.addAttribute(
                    "warnOnly",
                    error == MessagingError.OUTSIDE_RECIPIENT
                            && settings.outsideRecipients() == MessagingSettings.Outside.WARN);
            List<MessageView.Attachment> kept = List.of();
            if (mail.attachmentsOf() != null) {
                kept = accounts.with(request, agent, account -> mailboxes.read(account, mail.attachmentsOf(), false))
                        .attachments();
            }
            return composePage(agent, model, kept);
        }
        redirect.addFlashAttribute("sent", true);
        return "redirect:/mail";
    }

    /**
     * The mail server refused the agent's token and a new one too: one honest step, sign in again (signing out
     * always works), never an error page or a loop.
     */
    @ExceptionHandler(GuichetException.class)
    ModelAndView signInAgain(GuichetException refused, HttpServletResponse response) {
        if (refused.errorCode() != MessagingError.SIGN_IN_AGAIN) {
            throw refused;
        }
        response.setStatus(refused.getStatusCode().value());
        return new ModelAndView("messaging/sign-in-again", refused.getStatusCode());
    }

    private String composePage(Authentication agent, Model model, List<MessageView.Attachment> kept) {
        model.addAttribute("offered", documents.offered(AgentId.of(agent.getName())));
        model.addAttribute("kept", kept);
        model.addAttribute("largestAttachments", settings.largestAttachments().toBytes());
        return "messaging/compose";
    }

    /** "Re: subject", unless it already says so. */
    private static String prefixed(String prefix, String subject) {
        return subject.regionMatches(true, 0, prefix, 0, prefix.length()) ? subject : prefix + " " + subject;
    }

    /** The forwarded message's headers and text, as mail programs quote them. */
    private String forwarded(MessageView original) {
        var locale = LocaleContextHolder.getLocale();
        var lines = new ArrayList<String>();
        lines.add(messages.getMessage("messaging.forward.header", null, locale));
        lines.add(line("messaging.from", original.from(), locale));
        if (original.date() != null) {
            lines.add(line("messaging.date", org.guichet.platform.DisplayZone.dateTime(original.date()), locale));
        }
        lines.add(line("messaging.compose.subject", original.subject(), locale));
        lines.add(line("messaging.to", String.join(", ", original.to()), locale));
        lines.add("");
        lines.add(original.text());
        return String.join("\n", lines);
    }

    private String line(String label, String value, Locale locale) {
        return messages.getMessage(
                "messaging.forward.line", new Object[] {messages.getMessage(label, null, locale), value}, locale);
    }

    /** The bare addresses of those written (names left out, so that a comma in a name cannot split one), but one. */
    private static List<String> bare(List<String> written, @Nullable String leftOut) {
        var bare = new ArrayList<String>();
        for (var one : written) {
            try {
                for (var address : InternetAddress.parseHeader(one, false)) {
                    var email = address.getAddress();
                    if (email != null
                            && !email.isBlank()
                            && (leftOut == null || !email.equalsIgnoreCase(leftOut))
                            && !bare.contains(email.toLowerCase(Locale.ROOT))) {
                        bare.add(email.toLowerCase(Locale.ROOT));
                    }
                }
            } catch (AddressException unreadable) {
                // an address the original's header garbled: left for the agent to write
            }
        }
        return bare;
    }

    private static @Nullable MessageId optionalId(@Nullable String value) {
        return value == null || value.isBlank() ? null : MessageId.named(value);
    }

    /** Back to the folder the message was in. */
    private static String backTo(MessageId message) {
        return "redirect:/mail?folder=" + UriUtils.encodeQueryParam(message.folder(), StandardCharsets.UTF_8);
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
