package org.guichet.notification;

import java.util.Locale;
import java.util.function.Function;
import org.guichet.directory.AgentId;
import org.guichet.directory.AgentProfile;
import org.guichet.directory.DirectoryManagement;
import org.guichet.notification.inbox.Inbox;
import org.guichet.platform.MessageDelivery;
import org.guichet.platform.OutgoingMessage;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Tells an agent in the portal and writes and sends an e-mail from the {@link Mail}'s messages {@code <key>.subject}
 * and {@code <key>.body}, in French then in English; the body's first argument is the agent's first name.
 */
@Component
class Mails {

    private final DirectoryManagement directory;
    private final MessageDelivery delivery;
    private final MessageSource messages;

    private final Inbox inbox;
    private final org.guichet.notification.push.WebPushes pushes;
    private final java.time.Clock clock;

    Mails(
            DirectoryManagement directory,
            MessageDelivery delivery,
            MessageSource messages,
            Inbox inbox,
            org.guichet.notification.push.WebPushes pushes,
            java.time.Clock clock) {
        this.directory = directory;
        this.delivery = delivery;
        this.messages = messages;
        this.inbox = inbox;
        this.pushes = pushes;
        this.clock = clock;
    }

    /**
     * Tells the agent: an in-app notification (the subject, linking to the page concerned), and the mail, French then
     * English, each with its arguments (which may depend on the language), unless the agent turned off e-mails of
     * this category (security e-mails always go).
     */
    void send(AgentId id, Mail mail, Function<Locale, Object[]> arguments) {
        var agent = directory.findById(id).orElse(null);
        if (agent == null) {
            return;
        }
        var key = mail.key();
        var subjectFr = messages.getMessage(key + ".subject", null, Locale.FRENCH);
        var subjectEn = messages.getMessage(key + ".subject", null, Locale.ENGLISH);
        inbox.add(id, mail.category(), subjectFr, subjectEn, mail.link(), clock.instant());
        pushes.send(id, mail.category(), subjectFr, subjectEn, mail.link());
        var choices = inbox.emailChoices(id);
        var digested = mail == Mail.APPROVAL_REQUESTED && choices.get(Category.DIGEST);
        if (!mail.category().optional() || (choices.get(mail.category()) && !digested)) {
            delivery.send(OutgoingMessage.email(
                    agent.email(),
                    subjectFr + " / " + subjectEn,
                    body(agent, key, arguments, Locale.FRENCH) + "\n\n----\n\n"
                            + body(agent, key, arguments, Locale.ENGLISH)));
        }
    }

    /** A message in a language, for the arguments of a mail. */
    String say(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, key, locale);
    }

    /** An agent's name as mails give it; the SOI when the agent is gone from the directory. */
    String name(AgentId id) {
        return directory.displayName(id);
    }

    private String body(AgentProfile agent, String key, Function<Locale, Object[]> localized, Locale locale) {
        var arguments = localized.apply(locale);
        var all = new Object[arguments.length + 1];
        all[0] = agent.firstName();
        System.arraycopy(arguments, 0, all, 1, arguments.length);
        return messages.getMessage(key + ".body", all, locale);
    }
}
