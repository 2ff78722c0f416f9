package org.guichet.session;

import java.time.Instant;
import org.guichet.directory.AgentId;

/**
 * Every session of an agent (but the one that asked, for a new password) was closed, for this cause: published even
 * when none was open, so that what lives beyond a session (the agent's phone apps) can end too. Not journaled: each
 * session closed is ({@link SessionRevoked}).
 */
public record AllSessionsRevoked(AgentId agent, SessionRevoked.Cause cause, Instant at) {}
