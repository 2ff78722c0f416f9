package org.guichet.helpline;

import java.time.Instant;
import org.guichet.directory.AgentId;
import org.guichet.directory.AgentJournaled;

/** The helpdesk ({@code by}) answered an agent's conversation; never what it wrote. */
public record ConversationAnswered(AgentId agent, String conversation, AgentId by, Instant at)
        implements AgentJournaled, org.guichet.directory.ActedJournaled {}
