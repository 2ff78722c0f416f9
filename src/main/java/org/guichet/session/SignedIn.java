package org.guichet.session;

import java.time.Instant;
import org.guichet.directory.AgentId;
import org.guichet.directory.AgentJournaled;
import org.guichet.network.ClientConnection;
import org.guichet.network.ConnectionJournaled;

/**
 * An agent signed in with their password (further steps may still be due).
 *
 * @param device the browser and system, e.g. "Firefox · Windows"
 * @param session the new session's handle (never its id)
 */
public record SignedIn(AgentId agent, ClientConnection connection, String device, String session, Instant at)
        implements AgentJournaled, ConnectionJournaled {

    /** The agent sees it in "my activity". */
    @Override
    public boolean inMyActivity() {
        return true;
    }
}
