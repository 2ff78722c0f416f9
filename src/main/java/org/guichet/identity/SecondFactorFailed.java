package org.guichet.identity;

import java.time.Instant;
import org.guichet.directory.AgentId;
import org.guichet.directory.AgentJournaled;
import org.guichet.network.ClientConnection;
import org.guichet.network.ConnectionJournaled;

/**
 * A wrong one-time code at the second step.
 *
 * @param type the kind of code; null for an enrolment code from the helpdesk
 * @param failures wrong codes in a row so far
 * @param clockDriftMinutes when the code would have been right with the phone's clock this many minutes off (TOTP)
 */
public record SecondFactorFailed(
        AgentId agent,
        @org.jspecify.annotations.Nullable FactorType type,
        int failures,
        @org.jspecify.annotations.Nullable Long clockDriftMinutes,
        ClientConnection connection,
        Instant at)
        implements AgentJournaled, ConnectionJournaled {

    /** The agent sees it in "my activity". */
    @Override
    public boolean inMyActivity() {
        return true;
    }
}
