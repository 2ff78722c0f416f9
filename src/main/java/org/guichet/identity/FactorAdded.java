package org.guichet.identity;

import java.time.Instant;
import org.guichet.directory.AgentId;
import org.guichet.directory.AgentJournaled;

/** An agent enrolled a second factor (for recovery codes: a new set was generated). */
public record FactorAdded(AgentId agent, FactorType type, String name, Instant at) implements AgentJournaled {

    /** The agent sees it in "my activity". */
    @Override
    public boolean inMyActivity() {
        return true;
    }
}
