package org.guichet.helpline;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.guichet.audit.Journal;
import org.guichet.audit.JournalQuery;
import org.guichet.directory.AgentId;
import org.guichet.helpline.domain.ConversationRepository;
import org.guichet.platform.DisplayZone;
import org.guichet.platform.GuichetException;
import org.guichet.platform.TransactionalEvents;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Conversations between agents and IT support. An agent opens one with a sentence, from where they are stuck: given
 * the reference of a refusal they were shown, the conversation takes the reason, service and channel the journal
 * recorded for that reference and that agent (what the address bar says is never believed). The helpdesk answers and
 * resolves; the agent sees their own only.
 */
@Service
public class Conversations {

    /** The longest message, in characters. */
    public static final int LONGEST_MESSAGE = 4000;

    /** How far back a refusal's reference is looked for in the journal. */
    private static final int REFERENCE_DAYS = 7;

    private final ConversationRepository store;
    private final Journal journal;
    private final TransactionalEvents events;
    private final Clock clock;

    Conversations(ConversationRepository store, Journal journal, TransactionalEvents events, Clock clock) {
        this.store = store;
        this.journal = journal;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Where the agent was when they asked.
     *
     * @param reference the reference of the refusal they were shown; null when none
     * @param channel the channel they are on now
     * @param page the portal page they came from
     * @param browser their browser, as it names itself
     */
    public record Context(
            @Nullable String reference,
            String channel,
            @Nullable String page,
            @Nullable String browser) {}

    /** Opens a conversation for the agent with their first message; its identity. */
    @Transactional
    public ConversationId open(AgentId agent, String message, Context context) {
        var body = checked(message);
        var refusal = context.reference() == null ? null : refusal(agent, context.reference());
        var id = new ConversationId(UUID.randomUUID());
        var now = clock.instant();
        store.insert(new ConversationRepository.NewConversation(
                id,
                agent,
                refusal == null ? null : context.reference(),
                refusal == null ? null : refusal.get("reason"),
                refusal == null ? null : refusal.get("service"),
                refusal != null && refusal.get("channel") != null ? refusal.get("channel") : context.channel(),
                shortened(context.page(), 300),
                shortened(context.browser(), 300),
                now));
        add(id, agent, false, body, now);
        events.publish(new ConversationOpened(
                agent,
                id.toString(),
                refusal == null ? null : context.reference(),
                refusal == null ? null : refusal.get("reason"),
                now));
        return id;
    }

    /** The agent's own conversations, the latest first. */
    @Transactional(readOnly = true)
    public List<Conversation> mine(AgentId agent) {
        return store.ofAgent(agent);
    }

    /** The helpdesk's queue: open conversations first (the longest waiting first), then the others, latest first. */
    @Transactional(readOnly = true)
    public List<Conversation> queue() {
        return store.queue(200);
    }

    /** One of the agent's own conversations, with its messages; not found for anyone else's. */
    @Transactional(readOnly = true)
    public Conversation ofAgent(AgentId agent, ConversationId id) {
        var found = conversation(id);
        if (!found.agent().equals(agent)) {
            throw new GuichetException(HelplineError.CONVERSATION_NOT_FOUND);
        }
        return found;
    }

    /** A conversation with its messages, for the helpdesk. */
    @Transactional(readOnly = true)
    public Conversation forHelpdesk(ConversationId id) {
        return conversation(id);
    }

    /** The agent adds a message to their conversation: it waits for the helpdesk again, unless it was resolved. */
    @Transactional
    public void reply(AgentId agent, ConversationId id, String message) {
        var conversation = ofAgent(agent, id);
        var now = clock.instant();
        add(id, agent, false, checked(message), now);
        // a "thank you" after the answer does not reopen a resolved conversation
        store.setState(
                id,
                conversation.state() == Conversation.State.RESOLVED
                        ? Conversation.State.RESOLVED
                        : Conversation.State.OPEN,
                now);
    }

    /** The helpdesk answers. */
    @Transactional
    public void answer(AgentId helpdesk, ConversationId id, String message) {
        var conversation = conversation(id);
        var now = clock.instant();
        add(id, helpdesk, true, checked(message), now);
        store.setState(id, Conversation.State.ANSWERED, now);
        events.publish(new ConversationAnswered(conversation.agent(), id.toString(), helpdesk, now));
    }

    /** The helpdesk resolves it. */
    @Transactional
    public void resolve(AgentId helpdesk, ConversationId id) {
        var conversation = conversation(id);
        var now = clock.instant();
        store.setState(id, Conversation.State.RESOLVED, now);
        events.publish(new ConversationResolved(conversation.agent(), id.toString(), helpdesk, now));
    }

    /** The refusal this agent was shown with this reference, as the journal recorded it; null when none. */
    private @Nullable Map<String, @Nullable String> refusal(AgentId agent, String reference) {
        if (reference.isBlank() || reference.length() > 20) {
            return null;
        }
        var today = DisplayZone.today(clock);
        var entries = journal.search(
                new JournalQuery(agent.soi(), "AccessDenied", today.minusDays(REFERENCE_DAYS), today, null), null, 500);
        for (var entry : entries) {
            if (reference.equals(String.valueOf(entry.details().get("reference")))) {
                var found = new java.util.HashMap<String, @Nullable String>();
                found.put("reason", stringOrNull(entry.details().get("reason")));
                found.put("service", stringOrNull(entry.details().get("service")));
                var channel = entry.details().get("channel");
                found.put("channel", channel != null ? String.valueOf(channel) : entry.channel());
                return found;
            }
        }
        return null;
    }

    private static @Nullable String stringOrNull(@Nullable Object value) {
        return value == null ? null : String.valueOf(value);
    }

    private void add(ConversationId id, AgentId author, boolean fromHelpdesk, String body, Instant at) {
        store.addMessage(id, author, fromHelpdesk, body, at);
    }

    private Conversation conversation(ConversationId id) {
        var found = store.find(id);
        if (found == null) {
            throw new GuichetException(HelplineError.CONVERSATION_NOT_FOUND);
        }
        return found;
    }

    private static String checked(String message) {
        var body = message.strip();
        if (body.isEmpty() || body.length() > LONGEST_MESSAGE || body.indexOf('\u0000') >= 0) {
            throw new GuichetException(HelplineError.MESSAGE_INVALID);
        }
        return body;
    }

    private static @Nullable String shortened(@Nullable String text, int most) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return text.length() > most ? text.substring(0, most) : text;
    }

    /** How long a conversation has waited for the helpdesk, in minutes (0 once answered or resolved). */
    public long waitingMinutes(Conversation conversation) {
        return conversation.state() == Conversation.State.OPEN
                ? ChronoUnit.MINUTES.between(conversation.updatedAt(), clock.instant())
                : 0;
    }
}
