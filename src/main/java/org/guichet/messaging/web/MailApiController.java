package org.guichet.messaging.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.guichet.messaging.Folder;
import org.guichet.messaging.MailAccounts;
import org.guichet.messaging.Mailboxes;
import org.guichet.messaging.MessageId;
import org.guichet.messaging.MessagePage;
import org.guichet.messaging.MessageView;
import org.guichet.messaging.MessagingError;
import org.guichet.platform.GuichetException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The webmail for the mobile app and the pages' scripts: {@code /api/v1/mail}. */
@RestController
@ConditionalOnWebApplication
@RequestMapping("/api/v1/mail")
class MailApiController {

    private final MailAccounts accounts;
    private final Mailboxes mailboxes;

    MailApiController(MailAccounts accounts, Mailboxes mailboxes) {
        this.accounts = accounts;
        this.mailboxes = mailboxes;
    }

    /** One page of a folder's messages, newest first ({@code page} from 0, {@code size} 1 to 100). */
    @GetMapping("/folders/{folder}/messages")
    MessagePage messages(
            @PathVariable String folder,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            HttpServletRequest request,
            Authentication agent) {
        return accounts.with(request, agent, account -> mailboxes.messages(account, folder, page, size));
    }

    /** A message to read (marked read), its HTML sanitised; remote images only with {@code images=true}. */
    @GetMapping("/messages/{id}")
    MessageView message(
            @PathVariable String id,
            @RequestParam(defaultValue = "false") boolean images,
            HttpServletRequest request,
            Authentication agent) {
        var message = MessageId.parse(id).orElseThrow(() -> new GuichetException(MessagingError.MESSAGE_NOT_FOUND));
        return accounts.with(request, agent, account -> mailboxes.read(account, message, images));
    }

    /** The agent's folders with their unread and total counts, the inbox first. */
    @GetMapping("/folders")
    List<Folder> folders(HttpServletRequest request, Authentication agent) {
        return accounts.with(request, agent, mailboxes::folders);
    }
}
