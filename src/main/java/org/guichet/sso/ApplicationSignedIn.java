package org.guichet.sso;

import java.time.Instant;
import org.guichet.directory.AgentId;
import org.guichet.directory.AgentJournaled;
import org.guichet.network.ClientConnection;
import org.guichet.network.ConnectionJournaled;

/**
 * An agent signed into an application through Guichet (it got an authorization code), from where.
 *
 * @param application the application's name, as agents know it ("my activity" shows it)
 */
public record ApplicationSignedIn(
        AgentId agent, String clientId, String application, ClientConnection connection, Instant at)
        implements AgentJournaled, ConnectionJournaled {

    @Override
    public boolean inMyActivity() {
        return true;
    }
}
