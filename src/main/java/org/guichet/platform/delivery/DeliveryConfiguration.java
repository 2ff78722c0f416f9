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
            return (to, subject, body) -> devOutbox.keep("EMAIL", to, subject, body);
        }
        return (to, subject, body) -> {
            var sender = mailSender.getIfAvailable();
            if (sender == null) {
                throw new IllegalStateException("no mail server configured (spring.mail.host)");
            }
            var message = sender.createMimeMessage();
            var helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
            helper.setFrom(settings.mailFrom());
            helper.setTo(to);
            helper.setSubject(subject);
            helper.setText(body, false);
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
