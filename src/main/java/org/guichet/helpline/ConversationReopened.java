package org.guichet.helpline;

import java.time.Instant;
import org.guichet.directory.AgentId;
import org.guichet.directory.AgentJournaled;
import org.jspecify.annotations.Nullable;

/** A resolved conversation was reopened: by the helpdesk ({@code helpdesk}), or by the agent when null. */
public record ConversationReopened(
        AgentId agent, String conversation, @Nullable AgentId helpdesk, Instant at) implements AgentJournaled {}
