package org.guichet.session.sessions;

import org.guichet.directory.AgentStatus;
import org.guichet.directory.AgentStatusChanged;
import org.guichet.session.SessionRevoked;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * An agent suspended or gone loses their sessions at once, rather than at their next request (where the access
 * policy refused every service anyway): so does every application they signed into from them.
 */
@ConditionalOnWebApplication
@Component
class AccountClosedListener {

    private final AgentSessions sessions;

    AccountClosedListener(AgentSessions sessions) {
        this.sessions = sessions;
    }

    @ApplicationModuleListener
    void on(AgentStatusChanged event) {
        if (event.to() != AgentStatus.ACTIVE) {
            sessions.revokeAllBut(event.agent(), null, SessionRevoked.Cause.ACCOUNT_CLOSED);
        }
    }
}
