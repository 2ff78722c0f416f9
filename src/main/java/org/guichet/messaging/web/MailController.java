package org.guichet.messaging.web;

import jakarta.servlet.http.HttpServletRequest;
import org.guichet.messaging.MailAccounts;
import org.guichet.messaging.Mailboxes;
import org.guichet.messaging.MessageId;
import org.guichet.messaging.MessagingError;
import org.guichet.platform.GuichetException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The webmail's pages, phone first: a folder's messages, newest first, and a message to read. */
@Controller
@ConditionalOnWebApplication
class MailController {

    static final int PAGE_SIZE = 25;

    private final MailAccounts accounts;
    private final Mailboxes mailboxes;

    MailController(MailAccounts accounts, Mailboxes mailboxes) {
        this.accounts = accounts;
        this.mailboxes = mailboxes;
    }

    @GetMapping("/mail")
    String showFolder(
            @RequestParam(defaultValue = "INBOX") String folder,
            @RequestParam(defaultValue = "0") int page,
            HttpServletRequest request,
            Authentication agent,
            Model model) {
        var shown = Math.max(0, Math.min(page, 100_000));
        var name = folder.isBlank() ? "INBOX" : folder;
        accounts.with(request, agent, account -> {
            model.addAttribute("folders", mailboxes.folders(account));
            model.addAttribute("messages", mailboxes.messages(account, name, shown, PAGE_SIZE));
            return null;
        });
        return "messaging/folder";
    }

    @GetMapping("/mail/messages/{id}")
    String showMessage(
            @PathVariable String id,
            @RequestParam(defaultValue = "false") boolean images,
            HttpServletRequest request,
            Authentication agent,
            Model model) {
        var message = MessageId.parse(id).orElseThrow(() -> new GuichetException(MessagingError.MESSAGE_NOT_FOUND));
        model.addAttribute(
                "message", accounts.with(request, agent, account -> mailboxes.read(account, message, images)));
        model.addAttribute("folder", message.folder());
        return "messaging/message";
    }
}
