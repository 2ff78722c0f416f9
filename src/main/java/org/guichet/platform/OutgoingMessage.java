package org.guichet.platform;

import org.springframework.util.Assert;

/**
 * A message for one person.
 *
 * @param to an e-mail address, or a mobile number in E.164 ({@code +33639981234})
 * @param subject the e-mail subject (ignored for SMS)
 */
public record OutgoingMessage(DeliveryChannel channel, String to, String subject, String body) {

    public OutgoingMessage {
        Assert.hasText(to, "A message needs a recipient");
        Assert.hasText(body, "A message needs a body");
    }

    public static OutgoingMessage email(String to, String subject, String body) {
        return new OutgoingMessage(DeliveryChannel.EMAIL, to, subject, body);
    }

    public static OutgoingMessage sms(String to, String body) {
        return new OutgoingMessage(DeliveryChannel.SMS, to, "", body);
    }
}
