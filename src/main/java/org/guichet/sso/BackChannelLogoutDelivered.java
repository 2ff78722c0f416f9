package org.guichet.sso;

import java.time.Instant;
import org.guichet.directory.AgentId;
import org.guichet.directory.AgentJournaled;
import org.jspecify.annotations.Nullable;

/**
 * An application was told, by a back-channel logout token, that a session it signed in from has ended; or Guichet
 * gave up telling it.
 *
 * @param cause why the session ended ({@code SIGNED_OUT}, {@code EXPIRED}, or a {@code SessionRevoked} cause)
 * @param delivered whether the application acknowledged it; false once every attempt failed
 * @param attempts how many attempts it took
 * @param error the last failure, when not delivered
 */
public record BackChannelLogoutDelivered(
        AgentId agent,
        String clientId,
        String cause,
        boolean delivered,
        int attempts,
        @Nullable String error,
        Instant at)
        implements AgentJournaled {}
