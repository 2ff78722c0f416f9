package org.guichet.messaging;

import org.guichet.sso.AgentTokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/**
 * At start-up, registers the mail server as a resource server of Guichet's authorization server with the secret it
 * asks {@code /oauth2/introspect} with ({@code guichet.messaging.resource-server-secret}); without a secret the
 * webmail cannot sign in, and says so once.
 */
@Component
@ConditionalOnWebApplication
class MailServerRegistration implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(MailServerRegistration.class);

    private final AgentTokens tokens;
    private final MessagingSettings settings;

    MailServerRegistration(AgentTokens tokens, MessagingSettings settings) {
        this.tokens = tokens;
        this.settings = settings;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (settings.resourceServerSecret().isBlank()) {
            LOG.warn(
                    "No secret for the mail server (guichet.messaging.resource-server-secret, GUICHET_MAIL_SERVER_SECRET):"
                            + " the webmail cannot open mailboxes");
            return;
        }
        tokens.resourceServer(settings.resourceServer(), "Messagerie", settings.resourceServerSecret());
    }
}
