package org.guichet.messaging.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.guichet.messaging.Folder;
import org.guichet.messaging.MailAccounts;
import org.guichet.messaging.Mailboxes;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
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

    /** The agent's folders with their unread and total counts, the inbox first. */
    @GetMapping("/folders")
    List<Folder> folders(HttpServletRequest request, Authentication agent) {
        return accounts.with(request, agent, mailboxes::folders);
    }
}
