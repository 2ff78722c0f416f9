package org.guichet.security;

import java.time.Instant;
import java.util.UUID;
import org.guichet.directory.AgentId;

/**
 * An agent reported activity that was not theirs; a case is open for the security officers. (The journal records the
 * report itself, in the reporting transaction; this event is for those who must be told.)
 */
public record NotMeReported(UUID id, AgentId agent, Instant at) {}
