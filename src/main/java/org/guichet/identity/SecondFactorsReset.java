package org.guichet.identity;

import java.time.Instant;
import org.guichet.directory.ActedJournaled;
import org.guichet.directory.AgentId;
import org.guichet.directory.AgentJournaled;

/**
 * The helpdesk reset the agent's second factors: at once when the agent declared them lost, else once the agent
 * enrolled a new one ({@code completed} tells which step this is).
 *
 * @param removed how many factors were removed (none yet while the reset waits)
 */
public record SecondFactorsReset(AgentId agent, AgentId by, boolean lost, boolean completed, int removed, Instant at)
        implements AgentJournaled, ActedJournaled {}
