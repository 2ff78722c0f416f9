package org.guichet.platform.delivery;

import org.guichet.platform.DeliveryChannel;
import org.guichet.platform.MessageDelivery;
import org.guichet.platform.OutgoingMessage;
import org.guichet.platform.SmsGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Service;

/** Routes each message to e-mail or SMS, on the application's task executor. */
@Service
class BackgroundMessageDelivery implements MessageDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundMessageDelivery.class);

    private final MailGateway mail;
    private final SmsGateway sms;
    private final TaskExecutor executor;

    BackgroundMessageDelivery(
            MailGateway mail, SmsGateway sms, @Qualifier("applicationTaskExecutor") TaskExecutor executor) {
        this.mail = mail;
        this.sms = sms;
        this.executor = executor;
    }

    @Override
    public void send(OutgoingMessage message) {
        executor.execute(() -> {
            try {
                if (message.channel() == DeliveryChannel.SMS) {
                    sms.send(message.to(), message.body());
                } else {
                    mail.send(message);
                }
            } catch (Exception e) {
                LOG.error("Could not send {} to {}: {}", message.channel(), mask(message.to()), e.toString());
            }
        });
    }

    /** Logs name a recipient without spelling it out. */
    static String mask(String recipient) {
        return recipient.length() <= 4
                ? "****"
                : recipient.substring(0, 2) + "…" + recipient.substring(recipient.length() - 2);
    }
}
