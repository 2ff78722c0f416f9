package org.guichet.session;

import java.time.Instant;
import org.guichet.directory.AgentId;
import org.guichet.directory.AgentJournaled;
import org.jspecify.annotations.Nullable;

/**
 * One of an agent's sessions was closed before its time.
 *
 * @param session the handle of the session (as "my sessions" names it)
 * @param key the session's stable key ({@link SessionKeys}); none for a session that never had one
 */
public record SessionRevoked(
        AgentId agent, String session, @Nullable String key, Cause cause, Instant at) implements AgentJournaled {

    public enum Cause {
        /** The agent closed it from "my sessions". */
        AGENT,
        /** The agent's password changed. */
        PASSWORD_CHANGED,
        /** The session outlived its absolute lifetime. */
        LIFETIME,
        /** The helpdesk closed the agent's sessions. */
        HELPDESK,
        /** The agent reported activity that was not theirs: every session closed. */
        NOT_ME,
        /** The agent was suspended or left the administration. */
        ACCOUNT_CLOSED
    }
}
