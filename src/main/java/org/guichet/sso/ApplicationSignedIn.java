package org.guichet.sso;

import java.time.Instant;
import org.guichet.directory.AgentId;
import org.guichet.directory.AgentJournaled;
import org.guichet.network.Channel;

/** An agent signed into an application through Guichet (it got an authorization code). */
public record ApplicationSignedIn(AgentId agent, String clientId, Channel channel, Instant at)
        implements AgentJournaled {

    @Override
    public boolean inMyActivity() {
        return true;
    }
}
