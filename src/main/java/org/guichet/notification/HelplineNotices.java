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
    private final org.guichet.notification.push.WebPushes pushes;

    HelplineNotices(Inbox inbox, MessageSource messages, org.guichet.notification.push.WebPushes pushes) {
        this.inbox = inbox;
        this.messages = messages;
        this.pushes = pushes;
    }

    @ApplicationModuleListener
    void on(ConversationAnswered event) {
        var french = messages.getMessage("notification.helplineAnswered.subject", null, Locale.FRENCH);
        var english = messages.getMessage("notification.helplineAnswered.subject", null, Locale.ENGLISH);
        var link = "/help/conversations/" + event.conversation();
        inbox.add(event.agent(), Category.SUPPORT, french, english, link, event.at());
        pushes.send(event.agent(), Category.SUPPORT, french, english, link);
    }
}
