package org.guichet.identity;

import java.time.Instant;
import org.guichet.directory.AgentId;
import org.guichet.directory.AgentJournaled;
import org.guichet.network.ClientConnection;
import org.guichet.network.ConnectionJournaled;

/** The agent signed in with one of their recovery codes; {@code remaining} are left. */
public record RecoveryCodeUsed(AgentId agent, int remaining, ClientConnection connection, Instant at)
        implements AgentJournaled, ConnectionJournaled {

    /** The agent sees it in "my activity". */
    @Override
    public boolean inMyActivity() {
        return true;
    }
}
