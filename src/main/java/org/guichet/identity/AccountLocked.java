package org.guichet.identity;

import java.time.Instant;
import org.guichet.directory.AgentId;
import org.guichet.directory.AgentJournaled;
import org.guichet.network.ClientConnection;
import org.guichet.network.ConnectionJournaled;

/** Sign-in with one of the agent's identifiers was suspended after repeated failures. */
public record AccountLocked(AgentId agent, Instant until, int failures, ClientConnection connection, Instant at)
        implements AgentJournaled, ConnectionJournaled {

    /** The agent sees it in "my activity". */
    @Override
    public boolean inMyActivity() {
        return true;
    }
}
