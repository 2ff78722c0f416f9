package org.guichet.identity;

import java.time.Instant;
import org.guichet.directory.AgentId;
import org.guichet.directory.AgentJournaled;
import org.guichet.network.ClientConnection;
import org.guichet.network.ConnectionJournaled;
import org.jspecify.annotations.Nullable;

/**
 * A refused sign-in.
 *
 * @param agent the agent the identifier names, when it names one
 * @param failures consecutive failures on this identifier (or trusted browser) so far
 */
public record SignInFailed(
        @Nullable AgentId agent, SignInError reason, int failures, ClientConnection connection, Instant at)
        implements AgentJournaled, ConnectionJournaled {

    /** The agent sees it in "my activity". */
    @Override
    public boolean inMyActivity() {
        return true;
    }
}
