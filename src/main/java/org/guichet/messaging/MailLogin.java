package org.guichet.messaging;

import java.util.Properties;
import org.guichet.messaging.imap.OAuthBearer;

/**
 * How Guichet signs in to the mail server, as Jakarta Mail's properties for one protocol ({@code imap}, {@code imaps},
 * {@code smtp}): with the agent's token over SASL {@code XOAUTH2} or {@code OAUTHBEARER} (RFC 7628), or as the master
 * user on behalf of the agent ({@code PLAIN}), and with the timeouts and the protection of the connection.
 */
final class MailLogin {

    private MailLogin() {}

    static Properties properties(MessagingSettings settings, String protocol, MessagingSettings.Security security) {
        var timeout = String.valueOf(settings.timeout().toMillis());
        var prefix = "mail." + protocol + ".";
        var properties = new Properties();
        properties.put(prefix + "connectiontimeout", timeout);
        properties.put(prefix + "timeout", timeout);
        properties.put(prefix + "writetimeout", timeout);
        if (protocol.startsWith("smtp")) {
            properties.put(prefix + "auth", "true");
        }
        switch (settings.authentication()) {
            case XOAUTH2 -> properties.put(prefix + "auth.mechanisms", "XOAUTH2");
            case OAUTHBEARER -> {
                OAuthBearer.register();
                properties.put(prefix + "sasl.enable", "true");
                properties.put(prefix + "sasl.mechanisms", OAuthBearer.MECHANISM);
                properties.put(prefix + "auth.mechanisms", OAuthBearer.MECHANISM);
            }
            case MASTER_USER -> properties.put(prefix + "auth.mechanisms", "PLAIN LOGIN");
        }
        if (security == MessagingSettings.Security.STARTTLS) {
            properties.put(prefix + "starttls.enable", "true");
            properties.put(prefix + "starttls.required", "true");
        } else if (security == MessagingSettings.Security.SSL && protocol.startsWith("smtp")) {
            properties.put(prefix + "ssl.enable", "true");
        }
        return properties;
    }
}
