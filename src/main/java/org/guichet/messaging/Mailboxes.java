package org.guichet.messaging;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import org.guichet.platform.GuichetException;
import org.springframework.stereotype.Service;

/**
 * The agent's mailboxes on the mail server, over IMAP with the SASL mechanism {@code XOAUTH2}: the token is the only
 * credential, the agent has no mail password to type.
 */
@Service
public class Mailboxes {

    private final MessagingSettings settings;

    Mailboxes(MessagingSettings settings) {
        this.settings = settings;
    }

    /** The folders that hold messages, the inbox first, each with its unread and total counts. */
    public List<Folder> folders(MailAccount account) {
        try (var store = open(account)) {
            var folders = new ArrayList<Folder>();
            for (var folder : store.getDefaultFolder().list("*")) {
                if ((folder.getType() & jakarta.mail.Folder.HOLDS_MESSAGES) != 0) {
                    folders.add(
                            new Folder(folder.getFullName(), folder.getUnreadMessageCount(), folder.getMessageCount()));
                }
            }
            folders.sort(Comparator.comparing((Folder folder) -> !"INBOX".equalsIgnoreCase(folder.name()))
                    .thenComparing(Folder::name, String.CASE_INSENSITIVE_ORDER));
            return folders;
        } catch (AuthenticationFailedException refused) {
            throw new GuichetException(MessagingError.SIGN_IN_AGAIN, refused);
        } catch (MessagingException unreachable) {
            throw new GuichetException(MessagingError.MAIL_SERVER_UNAVAILABLE, unreachable);
        }
    }

    /** A connection to the agent's mailbox, signed in with the token. */
    private Store open(MailAccount account) throws MessagingException {
        var protocol = settings.imapSecurity() == MessagingSettings.Security.SSL ? "imaps" : "imap";
        var timeout = String.valueOf(settings.timeout().toMillis());
        var properties = new Properties();
        properties.put("mail." + protocol + ".auth.mechanisms", "XOAUTH2");
        properties.put("mail." + protocol + ".connectiontimeout", timeout);
        properties.put("mail." + protocol + ".timeout", timeout);
        properties.put("mail." + protocol + ".writetimeout", timeout);
        if (settings.imapSecurity() == MessagingSettings.Security.STARTTLS) {
            properties.put("mail.imap.starttls.enable", "true");
            properties.put("mail.imap.starttls.required", "true");
        }
        var store = Session.getInstance(properties).getStore(protocol);
        store.connect(settings.imapHost(), settings.imapPort(), account.username(), account.token());
        return store;
    }
}
