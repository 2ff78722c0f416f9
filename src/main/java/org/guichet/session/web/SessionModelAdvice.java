package org.guichet.session.web;

import org.guichet.session.SessionManagement;
import org.guichet.session.SessionSettings;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Gives every page the session's idle timeout and warning delay, for the "stay signed in" dialog. */
@ConditionalOnWebApplication
@ControllerAdvice(annotations = Controller.class)
class SessionModelAdvice {

    private final SessionManagement sessions;
    private final long warningSeconds;

    SessionModelAdvice(SessionManagement sessions, SessionSettings settings) {
        this.sessions = sessions;
        this.warningSeconds = settings.idleWarning().toSeconds();
    }

    /** The idle timeout of this session (set when it signed in), else the one in force. */
    @ModelAttribute("sessionTimeoutSeconds")
    long sessionTimeoutSeconds(jakarta.servlet.http.HttpServletRequest request) {
        var session = request.getSession(false);
        return session != null && session.getMaxInactiveInterval() > 0
                ? session.getMaxInactiveInterval()
                : sessions.rules().idleTimeout().toSeconds();
    }

    @ModelAttribute("sessionWarningSeconds")
    long sessionWarningSeconds() {
        return warningSeconds;
    }
}
