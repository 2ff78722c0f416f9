package org.guichet.identity;

import java.time.Instant;
import org.guichet.directory.AgentId;
import org.guichet.directory.AgentJournaled;
import org.jspecify.annotations.Nullable;

/** The agent replaced their mobile number by one they proved they hold (E.164 numbers). */
public record MobileNumberChanged(AgentId agent, @Nullable String previous, String current, Instant at)
        implements AgentJournaled {

    /** The agent sees it in "my activity". */
    @Override
    public boolean inMyActivity() {
        return true;
    }
}
