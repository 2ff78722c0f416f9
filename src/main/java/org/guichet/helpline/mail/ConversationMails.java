package org.guichet.helpline.mail;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.guichet.directory.DirectoryManagement;
import org.guichet.helpline.Conversation;
import org.guichet.helpline.ConversationAnswered;
import org.guichet.helpline.ConversationId;
import org.guichet.helpline.ConversationOpened;
import org.guichet.helpline.ConversationResolved;
import org.guichet.helpline.Conversations;
import org.guichet.helpline.HelplineSettings;
import org.guichet.platform.MessageDelivery;
import org.guichet.platform.OutgoingMessage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The e-mails of a conversation, to the agent's address on file only: the helpdesk's answer (its text, a link to the
 * conversation, and how to reply), the conversation resolved (and how to reopen it), and, for a message left on the
 * login page's form, that it was received. Each belongs to the conversation's thread: one root Message-ID that every
 * e-mail names in its References, and a reply address with the conversation's secret, so that a reply finds its
 * conversation ({@link SupportMailbox}) whichever of the two the agent's mail program kept.
 */
@Component
class ConversationMails {

    /** Where a reply's new text ends: what follows is the quoted e-mail. */
    static final String REPLY_ABOVE = "##- ";

    private final Conversations conversations;
    private final DirectoryManagement directory;
    private final MessageDelivery delivery;
    private final MessageSource messages;
    private final HelplineSettings settings;
    private final String portal;

    ConversationMails(
            Conversations conversations,
            DirectoryManagement directory,
            MessageDelivery delivery,
            MessageSource messages,
            HelplineSettings settings,
            @Value("${guichet.public-url}") String portal) {
        this.conversations = conversations;
        this.directory = directory;
        this.delivery = delivery;
        this.messages = messages;
        this.settings = settings;
        this.portal = portal.endsWith("/") ? portal.substring(0, portal.length() - 1) : portal;
    }

    @ApplicationModuleListener
    void on(ConversationAnswered event) {
        var conversation = conversations.forHelpdesk(id(event.conversation()));
        var answer = conversation.messages().reversed().stream()
                .filter(message -> message.fromHelpdesk() && message.remedy() == null)
                .findFirst()
                .map(Conversation.Message::body)
                .orElse("");
        send(conversation, "helpline.mail.answered", answer);
    }

    @ApplicationModuleListener
    void on(ConversationResolved event) {
        send(conversations.forHelpdesk(id(event.conversation())), "helpline.mail.resolved", "");
    }

    @ApplicationModuleListener
    void on(ConversationOpened event) {
        if (event.unverified()) {
            send(conversations.forHelpdesk(id(event.conversation())), "helpline.mail.received", "");
        }
    }

    private void send(Conversation conversation, String key, String text) {
        var agent = directory.findById(conversation.agent()).orElse(null);
        if (agent == null) {
            return;
        }
        var link = portal + "/help/conversations/" + conversation.id();
        var subject = messages.getMessage(key + ".subject", null, Locale.FRENCH) + " / "
                + messages.getMessage(key + ".subject", null, Locale.ENGLISH);
        var body = new StringBuilder();
        if (settings.readsReplies()) {
            body.append(REPLY_ABOVE)
                    .append(messages.getMessage("helpline.mail.replyAbove", null, Locale.FRENCH))
                    .append(" / ")
                    .append(messages.getMessage("helpline.mail.replyAbove", null, Locale.ENGLISH))
                    .append(" -##\n\n");
        }
        for (var locale : List.of(Locale.FRENCH, Locale.ENGLISH)) {
            body.append(messages.getMessage(key + ".body", new Object[] {agent.firstName(), text, link}, locale))
                    .append("\n\n")
                    .append(messages.getMessage(
                            settings.readsReplies() ? "helpline.mail.howToReply" : "helpline.mail.replyInPortal",
                            new Object[] {link},
                            locale));
            if (locale == Locale.FRENCH) {
                body.append("\n\n----\n\n");
            }
        }
        var token = conversations.replyToken(conversation.id());
        delivery.send(OutgoingMessage.email(
                agent.email(),
                subject,
                body.toString(),
                new OutgoingMessage.Thread(
                        "<helpline." + conversation.id() + "." + UUID.randomUUID() + "@" + settings.domain() + ">",
                        List.of(root(conversation.id())),
                        settings.readsReplies() ? settings.replyAddress(token) : null)));
    }

    /** The Message-ID every e-mail of the conversation refers to. */
    String root(ConversationId id) {
        return "<helpline." + id + "@" + settings.domain() + ">";
    }

    private static ConversationId id(String text) {
        return ConversationId.parse(text).orElseThrow();
    }
}
