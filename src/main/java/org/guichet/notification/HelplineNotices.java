package org.guichet.notification;

import java.util.Locale;
import org.guichet.helpline.ConversationAnswered;
import org.guichet.notification.inbox.Inbox;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * IT support answered an agent: they are told in the portal (the bell), linking to the conversation. The e-mail is
 * the helpline's own, threaded so that a reply joins the conversation.
 */
@Component
class HelplineNotices {

    private final Inbox inbox;
    private final MessageSource messages;

    HelplineNotices(Inbox inbox, MessageSource messages) {
        this.inbox = inbox;
        this.messages = messages;
    }

    @ApplicationModuleListener
    void on(ConversationAnswered event) {
        inbox.add(
                event.agent(),
                Category.SUPPORT,
                messages.getMessage("notification.helplineAnswered.subject", null, Locale.FRENCH),
                messages.getMessage("notification.helplineAnswered.subject", null, Locale.ENGLISH),
                "/help/conversations/" + event.conversation(),
                event.at());
    }
}
