package org.guichet.identity;

import java.time.Instant;
import org.guichet.directory.AgentId;
import org.guichet.directory.AgentJournaled;
import org.guichet.network.ClientConnection;
import org.guichet.network.ConnectionJournaled;

/** The agent gave their enrolment code, away from the office, and may now enrol a second factor. */
public record EnrolmentCodeUsed(AgentId agent, ClientConnection connection, Instant at)
        implements AgentJournaled, ConnectionJournaled {

    /** The agent sees it in "my activity". */
    @Override
    public boolean inMyActivity() {
        return true;
    }
}
