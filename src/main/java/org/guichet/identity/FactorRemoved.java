package org.guichet.identity;

import java.time.Instant;
import org.guichet.directory.AgentId;
import org.guichet.directory.AgentJournaled;

/** A second factor of the agent was removed. */
public record FactorRemoved(AgentId agent, FactorType type, String name, Instant at) implements AgentJournaled {

    /** The agent sees it in "my activity". */
    @Override
    public boolean inMyActivity() {
        return true;
    }
}
