package org.guichet.session.web;

import org.guichet.session.SessionSettings;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.session.autoconfigure.SessionProperties;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Gives every page the session's idle timeout and warning delay, for the "stay signed in" dialog. */
@ConditionalOnWebApplication
@ControllerAdvice
class SessionModelAdvice {

    private final long timeoutSeconds;
    private final long warningSeconds;

    SessionModelAdvice(SessionProperties session, SessionSettings settings) {
        this.timeoutSeconds =
                session.getTimeout() == null ? 1800 : session.getTimeout().toSeconds();
        this.warningSeconds = settings.idleWarning().toSeconds();
    }

    @ModelAttribute("sessionTimeoutSeconds")
    long sessionTimeoutSeconds() {
        return timeoutSeconds;
    }

    @ModelAttribute("sessionWarningSeconds")
    long sessionWarningSeconds() {
        return warningSeconds;
    }
}
