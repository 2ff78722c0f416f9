package org.guichet.platform;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.util.Assert;

/**
 * A message for one person.
 *
 * @param to an e-mail address, or a mobile number in E.164 ({@code +33639981234})
 * @param subject the e-mail subject (ignored for SMS)
 * @param thread for an e-mail that belongs to a conversation, its place in it; null otherwise
 */
public record OutgoingMessage(
        DeliveryChannel channel,
        String to,
        String subject,
        String body,
        @Nullable Thread thread) {

    public OutgoingMessage {
        Assert.hasText(to, "A message needs a recipient");
        Assert.hasText(body, "A message needs a body");
    }

    /**
     * An e-mail's place in a conversation, so that mail programs thread it and a reply finds its way back.
     *
     * @param messageId its own Message-ID, with its angle brackets ({@code <…@ville.example>})
     * @param references the Message-IDs it follows, oldest first (its In-Reply-To is the last)
     * @param replyTo where replies go; null for the sender
     */
    public record Thread(
            String messageId,
            List<String> references,
            @Nullable String replyTo) {

        public Thread {
            references = List.copyOf(references);
        }
    }

    public static OutgoingMessage email(String to, String subject, String body) {
        return new OutgoingMessage(DeliveryChannel.EMAIL, to, subject, body, null);
    }

    /** An e-mail in a conversation. */
    public static OutgoingMessage email(String to, String subject, String body, Thread thread) {
        return new OutgoingMessage(DeliveryChannel.EMAIL, to, subject, body, thread);
    }

    public static OutgoingMessage sms(String to, String body) {
        return new OutgoingMessage(DeliveryChannel.SMS, to, "", body, null);
    }
}
