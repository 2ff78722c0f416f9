package org.guichet.helpline;

import java.time.Duration;
import java.util.Locale;
import org.guichet.platform.GuichetException;
import org.guichet.platform.RateLimits;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Service;

/**
 * What someone who cannot sign in writes to IT support from the login page: an identifier and a message. It is
 * counted against the client's address and against the identifier (whether or not it names an agent, so that the
 * limit tells nothing), then taken in the background, so that neither the answer nor its time says whether the
 * identifier names an agent. A reply goes only to the contact details on file for that agent.
 */
@Service
public class LoginPageMessages {

    private static final Logger LOG = LoggerFactory.getLogger(LoginPageMessages.class);

    private static final Duration WINDOW = Duration.ofHours(1);

    private final Conversations conversations;
    private final RateLimits limits;
    private final HelplineSettings settings;
    private final TaskExecutor executor;

    LoginPageMessages(
            Conversations conversations,
            RateLimits limits,
            HelplineSettings settings,
            @Qualifier("applicationTaskExecutor") TaskExecutor executor) {
        this.conversations = conversations;
        this.limits = limits;
        this.settings = settings;
        this.executor = executor;
    }

    /**
     * Takes a message; refused only for what the writer sees (an empty identifier or message, too many lately), never
     * for what the identifier names.
     */
    public void take(String identifier, String message, String address, String channel, @Nullable String browser) {
        var who = identifier.strip();
        if (who.isEmpty() || who.length() > 200) {
            throw new GuichetException(HelplineError.IDENTIFIER_INVALID);
        }
        var body = Conversations.checked(message);
        if (limits.tryAcquire("helpline-form-address:" + address, settings.formPerAddress(), WINDOW)
                        .isPresent()
                || limits.tryAcquire(
                                "helpline-form-identifier:" + who.toLowerCase(Locale.ROOT),
                                settings.formPerIdentifier(),
                                WINDOW)
                        .isPresent()) {
            throw new GuichetException(HelplineError.TOO_MANY_MESSAGES);
        }
        executor.execute(() -> {
            try {
                conversations.openFromLoginPage(who, body, channel, browser);
            } catch (RuntimeException e) {
                LOG.error("Could not take a message from the login page: {}", e.toString());
            }
        });
    }
}
