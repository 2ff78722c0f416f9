package org.guichet.session;

import java.time.Instant;
import org.guichet.directory.AgentId;

/** One of an agent's sessions was closed before its time. */
public record SessionRevoked(AgentId agent, String session, Cause cause, Instant at) {

    public enum Cause {
        /** The agent closed it from "my sessions". */
        AGENT,
        /** The agent's password changed. */
        PASSWORD_CHANGED,
        /** The session outlived its absolute lifetime. */
        LIFETIME
    }
}
