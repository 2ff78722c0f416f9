package org.guichet.identity;

import java.time.Instant;
import org.guichet.directory.AgentId;
import org.guichet.directory.AgentJournaled;
import org.guichet.network.ClientConnection;
import org.guichet.network.ConnectionJournaled;

/** An agent set a new password through the self-service reset. */
public record PasswordResetCompleted(AgentId agent, ClientConnection connection, Instant at)
        implements AgentJournaled, ConnectionJournaled {

    /** The agent sees it in "my activity". */
    @Override
    public boolean inMyActivity() {
        return true;
    }
}
