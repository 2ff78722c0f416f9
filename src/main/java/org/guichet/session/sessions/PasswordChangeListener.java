package org.guichet.session.sessions;

import org.guichet.identity.PasswordChanged;
import org.guichet.session.SessionRevoked;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** A new password closes every other session of the agent (all of them after a reset). */
@ConditionalOnWebApplication
@Component
class PasswordChangeListener {

    private final AgentSessions sessions;

    PasswordChangeListener(AgentSessions sessions) {
        this.sessions = sessions;
    }

    @ApplicationModuleListener
    void on(PasswordChanged event) {
        sessions.revokeAllBut(event.agent(), event.keptSession(), SessionRevoked.Cause.PASSWORD_CHANGED);
    }
}
