package org.guichet.identity;

import java.time.Instant;
import org.guichet.directory.AgentId;
import org.guichet.directory.AgentJournaled;
import org.guichet.network.ClientConnection;
import org.guichet.network.ConnectionJournaled;

/** The agent proved a second factor: to finish signing in, or again before a sensitive change (step-up). */
public record SecondFactorVerified(AgentId agent, FactorType type, ClientConnection connection, Instant at)
        implements AgentJournaled, ConnectionJournaled {}
