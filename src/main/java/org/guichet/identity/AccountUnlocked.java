package org.guichet.identity;

import java.time.Instant;
import org.guichet.directory.ActedJournaled;
import org.guichet.directory.AgentId;
import org.guichet.directory.AgentJournaled;
import org.jspecify.annotations.Nullable;

/**
 * The agent's identifiers were unlocked: by themselves through the reset ({@code by} is the agent), or by the
 * helpdesk ({@code by} the helpdesk agent, with the reason they gave).
 */
public record AccountUnlocked(
        AgentId agent, AgentId by, @Nullable String reason, Instant at) implements AgentJournaled, ActedJournaled {

    /** The agent sees it in "my activity". */
    @Override
    public boolean inMyActivity() {
        return true;
    }
}
