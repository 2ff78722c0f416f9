package org.guichet.helpline;

import java.time.Instant;
import java.util.List;
import org.guichet.directory.AgentId;
import org.jspecify.annotations.Nullable;

/**
 * A conversation between an agent and IT support.
 *
 * @param reference the reference of the refusal it was opened from; null when opened from elsewhere
 * @param reason the refusal's reason as the journal recorded it ({@code CHANNEL_NOT_ALLOWED}…); null when none
 * @param service the service refused; null when none
 * @param channel where the agent was ({@code NOMADIC}…) when the refusal happened, or when it was opened
 * @param page the portal page it was opened from
 * @param browser the agent's browser, as it named itself
 * @param messages its messages, oldest first (empty in lists)
 */
public record Conversation(
        ConversationId id,
        AgentId agent,
        String agentName,
        @Nullable String reference,
        @Nullable String reason,
        @Nullable String service,
        @Nullable String channel,
        @Nullable String page,
        @Nullable String browser,
        State state,
        Instant openedAt,
        Instant updatedAt,
        List<Message> messages) {

    public Conversation {
        messages = List.copyOf(messages);
    }

    /** Where a conversation stands: waiting for the helpdesk, answered, or resolved. */
    public enum State {
        OPEN,
        ANSWERED,
        RESOLVED
    }

    /** A message of the conversation, by the agent or by the helpdesk. */
    public record Message(String author, boolean fromHelpdesk, String body, Instant sentAt) {}
}
