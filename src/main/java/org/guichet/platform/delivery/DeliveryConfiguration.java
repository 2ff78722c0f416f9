package org.guichet.platform.delivery;

import java.nio.charset.StandardCharsets;
import org.guichet.platform.DeliverySettings;
import org.guichet.platform.SmsGateway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Chooses the gateways: the development outbox when the demo profile asks for it, else SMTP (Spring Boot's {@code
 * spring.mail.*}) and the HTTP SMS provider. A channel left unconfigured outside the demo fails each message with a
 * log line that says what to configure.
 */
@Configuration(proxyBeanMethods = false)
class DeliveryConfiguration {

    private static boolean outbox(DeliverySettings settings, Environment environment) {
        return settings.outbox() && environment.acceptsProfiles(Profiles.of("demo"));
    }

    @Bean
    MailGateway mailGateway(
            DeliverySettings settings,
            Environment environment,
            ObjectProvider<DevOutbox> outbox,
            ObjectProvider<JavaMailSender> mailSender) {
        if (outbox(settings, environment)) {
            var devOutbox = outbox.getObject();
            return message -> devOutbox.keep("EMAIL", message.to(), message.subject(), message.body());
        }
        return outgoing -> {
            var sender = mailSender.getIfAvailable();
            if (sender == null) {
                throw new IllegalStateException("no mail server configured (spring.mail.host)");
            }
            var thread = outgoing.thread();
            var message = sender.createMimeMessage();
            var helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
            helper.setFrom(settings.mailFrom());
            helper.setTo(outgoing.to());
            helper.setSubject(outgoing.subject());
            helper.setText(outgoing.body(), false);
            if (thread != null) {
                // Spring's sender keeps a Message-ID set before sending, so that a reply's In-Reply-To names it
                message.setHeader("Message-ID", thread.messageId());
                if (thread.replyTo() != null) {
                    helper.setReplyTo(thread.replyTo());
                }
                if (!thread.references().isEmpty()) {
                    message.setHeader("In-Reply-To", thread.references().getLast());
                    message.setHeader("References", String.join(" ", thread.references()));
                }
            }
            sender.send(message);
        };
    }

    @Bean
    @ConditionalOnMissingBean
    SmsGateway smsGateway(DeliverySettings settings, Environment environment, ObjectProvider<DevOutbox> outbox) {
        if (outbox(settings, environment)) {
            var devOutbox = outbox.getObject();
            return (to, text) -> devOutbox.keep("SMS", to, "", text);
        }
        return new HttpSmsGateway(settings.sms());
    }
}
