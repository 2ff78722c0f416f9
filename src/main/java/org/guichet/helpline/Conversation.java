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
 * @param assignee the helpdesk agent who took it; null while nobody has
 * @param blocked the agent cannot sign in at all (asked from the login page or a sign-in step): first in the queue
 * @param unverified asked from the login page's form: whoever wrote gave this agent's identifier, which proves nothing
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
        @Nullable AgentId assignee,
        @Nullable String assigneeName,
        boolean blocked,
        boolean unverified,
        List<Message> messages) {

    public Conversation {
        messages = List.copyOf(messages);
    }

    /** The same conversation with its messages. */
    public Conversation withMessages(List<Message> all) {
        return new Conversation(
                id,
                agent,
                agentName,
                reference,
                reason,
                service,
                channel,
                page,
                browser,
                state,
                openedAt,
                updatedAt,
                assignee,
                assigneeName,
                blocked,
                unverified,
                all);
    }

    /** Where a conversation stands: waiting for the helpdesk, answered, or resolved. */
    public enum State {
        OPEN,
        ANSWERED,
        RESOLVED
    }

    /** How a message reached the conversation. */
    public enum Via {
        /** Written in the portal (or its API). */
        PORTAL,
        /** A reply to one of the helpline's e-mails. */
        EMAIL,
        /** The login page's form, by someone not signed in. */
        FORM
    }

    /**
     * A message of the conversation, by the agent or by the helpdesk.
     *
     * @param remedy the console's action the helpdesk applied ({@code unlock}…), the body then being its reason;
     *     null for a written message
     */
    public record Message(
            String author,
            String authorName,
            boolean fromHelpdesk,
            String body,
            Instant sentAt,
            Via via,
            @Nullable String remedy) {}
}
