package org.guichet.sso.logout;

import java.util.List;
import org.guichet.directory.AgentId;
import org.guichet.session.SessionApplications;
import org.guichet.sso.server.ApplicationStore;
import org.guichet.sso.server.SsoSessionRepository;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/** What "my sessions" shows of the single sign-on: the applications each session is signed into, and signing out. */
@Component
@ConditionalOnWebApplication
class SignedInApplications implements SessionApplications {

    private final SsoSessionRepository sessions;
    private final ApplicationStore store;
    private final SessionEnds ends;

    SignedInApplications(SsoSessionRepository sessions, ApplicationStore store, SessionEnds ends) {
        this.sessions = sessions;
        this.store = store;
        this.ends = ends;
    }

    @Override
    public List<SignedInApplication> of(AgentId agent, String sessionKey) {
        if (!sessions.belongsTo(sessionKey, agent.soi())) {
            return List.of();
        }
        return sessions.applicationsOf(sessionKey).entrySet().stream()
                .map(entry -> {
                    var client = store.findById(entry.getKey());
                    return client == null
                            ? null
                            : new SignedInApplication(client.getClientId(), client.getClientName(), entry.getValue());
                })
                .filter(java.util.Objects::nonNull)
                .toList();
    }

    @Override
    public boolean signOut(AgentId agent, String sessionKey, String clientId) {
        var client = store.client(clientId);
        return client != null
                && sessions.belongsTo(sessionKey, agent.soi())
                && ends.signOutOf(sessionKey, client.getId());
    }
}
