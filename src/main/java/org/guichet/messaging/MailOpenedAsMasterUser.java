package org.guichet.messaging;

import java.time.Instant;
import org.guichet.directory.AgentId;
import org.guichet.directory.AgentJournaled;
import org.guichet.network.ClientConnection;
import org.guichet.network.ConnectionJournaled;

/**
 * Guichet opened an agent's mailbox as the mail server's master user (a server without OAuth): journaled at every
 * use, with the master user's name and where the agent was, so that the security officers see each one.
 */
public record MailOpenedAsMasterUser(AgentId agent, String masterUser, ClientConnection connection, Instant at)
        implements AgentJournaled, ConnectionJournaled {}
