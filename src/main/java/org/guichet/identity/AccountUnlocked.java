package org.guichet.identity;

import java.time.Instant;
import org.guichet.directory.AgentId;

/** The agent's identifiers were unlocked (by themselves through the reset, or by the helpdesk). */
public record AccountUnlocked(AgentId agent, Instant at) {}
