package org.guichet.helpline;

import java.time.Instant;
import org.guichet.directory.AgentId;
import org.guichet.directory.AgentJournaled;

/** The helpdesk ({@code by}) resolved an agent's conversation. */
public record ConversationResolved(AgentId agent, String conversation, AgentId by, Instant at)
        implements AgentJournaled, org.guichet.directory.ActedJournaled {}
