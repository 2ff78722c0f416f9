package org.guichet.notification;

import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.guichet.directory.AgentId;
import org.guichet.directory.AgentProfile;
import org.guichet.directory.DirectoryManagement;
import org.guichet.identity.AccountLocked;
import org.guichet.identity.PasswordChanged;
import org.guichet.platform.DisplayZone;
import org.guichet.platform.MessageDelivery;
import org.guichet.platform.OutgoingMessage;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * E-mails an agent about their account's security: sign-in suspended after repeated failures, password changed. Both
 * tell them what to do if it was not them. Mails are written in French, then in English.
 */
@Component
class SecurityMails {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private final DirectoryManagement directory;
    private final MessageDelivery delivery;
    private final MessageSource messages;

    SecurityMails(DirectoryManagement directory, MessageDelivery delivery, MessageSource messages) {
        this.directory = directory;
        this.delivery = delivery;
        this.messages = messages;
    }

    @ApplicationModuleListener
    void on(AccountLocked event) {
        send(event.agent(), "notification.locked", new Object[] {
            TIME.format(DisplayZone.local(event.until())),
            event.failures(),
            DATE_TIME.format(DisplayZone.local(event.at())),
            event.connection().address()
        });
    }

    @ApplicationModuleListener
    void on(PasswordChanged event) {
        send(event.agent(), "notification.passwordChanged", new Object[] {
            DATE_TIME.format(DisplayZone.local(event.at()))
        });
    }

    private void send(AgentId id, String key, Object[] arguments) {
        directory
                .findById(id)
                .ifPresent(agent -> delivery.send(OutgoingMessage.email(
                        agent.email(),
                        messages.getMessage(key + ".subject", null, Locale.FRENCH) + " / "
                                + messages.getMessage(key + ".subject", null, Locale.ENGLISH),
                        body(agent, key, arguments, Locale.FRENCH) + "\n\n----\n\n"
                                + body(agent, key, arguments, Locale.ENGLISH))));
    }

    private String body(AgentProfile agent, String key, Object[] arguments, Locale locale) {
        var all = new Object[arguments.length + 1];
        all[0] = agent.firstName();
        System.arraycopy(arguments, 0, all, 1, arguments.length);
        return messages.getMessage(key + ".body", all, locale);
    }
}
