package org.guichet.session;

import java.time.Instant;
import org.guichet.directory.AgentId;
import org.guichet.directory.AgentJournaled;
import org.jspecify.annotations.Nullable;

/**
 * An agent signed out.
 *
 * @param session the handle of the session (as "my sessions" names it)
 * @param key the session's stable key ({@link SessionKeys}); none for a session that never had one
 */
public record SignedOut(
        AgentId agent, String session, @Nullable String key, Instant at) implements AgentJournaled {}
