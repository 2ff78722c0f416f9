package org.guichet.sso;

import java.time.Instant;
import org.guichet.directory.AgentId;
import org.guichet.directory.AgentJournaled;

/**
 * A refresh token already exchanged was presented again: stolen, or replayed by a faulty application. Every token of
 * its family (the sign-in it came from) was revoked.
 */
public record RefreshTokenReused(AgentId agent, String clientId, Instant at) implements AgentJournaled {}
