package org.guichet.identity;

import java.time.Instant;
import org.guichet.directory.AgentId;
import org.guichet.directory.AgentJournaled;
import org.guichet.network.ClientConnection;
import org.guichet.network.ConnectionJournaled;
import org.guichet.platform.DeliveryChannel;
import org.jspecify.annotations.Nullable;

/** Someone asked for a reset code (for an identifier that may name no agent: then {@code agent} is null). */
public record PasswordResetRequested(
        @Nullable AgentId agent, DeliveryChannel channel, ClientConnection connection, Instant at)
        implements AgentJournaled, ConnectionJournaled {}
