package org.guichet.helpline;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.guichet.audit.Journal;
import org.guichet.audit.JournalQuery;
import org.guichet.directory.AgentId;
import org.guichet.directory.AgentProfile;
import org.guichet.directory.DirectoryManagement;
import org.guichet.directory.Role;
import org.guichet.helpline.domain.ConversationRepository;
import org.guichet.platform.DisplayZone;
import org.guichet.platform.GuichetException;
import org.guichet.platform.TransactionalEvents;
import org.guichet.support.HelpdeskConsole;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Conversations between agents and IT support. An agent opens one with a sentence, from where they are stuck: given
 * the reference of a refusal they were shown, the conversation takes the reason, service and channel the journal
 * recorded for that reference and that agent (what the address bar says is never believed). Someone who cannot sign in
 * writes from the login page with an identifier: a conversation is opened for the agent it names, if any, marked as
 * unproven, and answered only at that agent's address on file. The helpdesk takes, answers, applies the console's
 * remedies from the conversation, resolves and reopens; the agent sees their own only, and a reply to a resolved
 * conversation does not reopen it unless they ask.
 */
@Service
public class Conversations {

    /** The longest message, in characters. */
    public static final int LONGEST_MESSAGE = 4000;

    /** How far back a refusal's reference is looked for in the journal. */
    private static final int REFERENCE_DAYS = 7;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ConversationRepository store;
    private final Journal journal;
    private final DirectoryManagement directory;
    private final HelpdeskConsole console;
    private final TransactionalEvents events;
    private final Clock clock;

    Conversations(
            ConversationRepository store,
            Journal journal,
            DirectoryManagement directory,
            HelpdeskConsole console,
            TransactionalEvents events,
            Clock clock) {
        this.store = store;
        this.journal = journal;
        this.directory = directory;
        this.console = console;
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
            @Nullable String browser) {

        /** Asked from a step of the sign-in: the agent cannot get in. */
        boolean duringSignIn() {
            return page != null && (page.startsWith("/sign-in") || page.startsWith("/login"));
        }
    }

    /** Opens a conversation for the signed-in agent with their first message; its identity. */
    @Transactional
    public ConversationId open(AgentId agent, String message, Context context) {
        var body = checked(message);
        var refusal = context.reference() == null ? null : refusal(agent, context.reference());
        return open(agent, body, context, refusal, context.duringSignIn(), false, Conversation.Via.PORTAL);
    }

    /**
     * Someone who cannot sign in wrote from the login page, giving an identifier (login, e-mail address or SOI). When
     * it names an agent, a conversation is opened for them, first in the queue and marked unproven; otherwise nothing
     * happens. The caller answers the same either way.
     */
    @Transactional
    public void openFromLoginPage(String identifier, String message, String channel, @Nullable String browser) {
        var body = checked(message);
        var agent = directory.findByIdentifier(identifier.strip()).orElse(null);
        if (agent == null || !agent.isActive()) {
            return;
        }
        open(agent.id(), body, new Context(null, channel, "/login", browser), null, true, true, Conversation.Via.FORM);
    }

    private ConversationId open(
            AgentId agent,
            String body,
            Context context,
            @Nullable Map<String, @Nullable String> refusal,
            boolean blocked,
            boolean unverified,
            Conversation.Via via) {
        var id = new ConversationId(UUID.randomUUID());
        var now = clock.instant();
        var channel = refusal != null && refusal.get("channel") != null ? refusal.get("channel") : context.channel();
        store.insert(new ConversationRepository.NewConversation(
                id,
                agent,
                refusal == null ? null : context.reference(),
                refusal == null ? null : refusal.get("reason"),
                refusal == null ? null : refusal.get("service"),
                channel,
                shortened(context.page(), 300),
                shortened(context.browser(), 300),
                blocked,
                unverified,
                token(),
                now));
        store.addMessage(new ConversationRepository.NewMessage(id, agent, false, body, via, null, null, now));
        events.publish(new ConversationOpened(
                agent,
                id.toString(),
                refusal == null ? null : context.reference(),
                refusal == null ? null : refusal.get("reason"),
                channel,
                blocked,
                unverified,
                now));
        return id;
    }

    /** The agent's own conversations, the latest first. */
    @Transactional(readOnly = true)
    public List<Conversation> mine(AgentId agent) {
        return store.ofAgent(agent);
    }

    /**
     * The helpdesk's queue: open conversations first (those of agents who cannot sign in at all first, then the
     * longest waiting), then the others, latest first.
     */
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

    /**
     * The agent adds a message to their conversation: it waits for the helpdesk again; a resolved one stays resolved
     * (a "thank you" reopens nothing) unless the agent asks to reopen it.
     */
    @Transactional
    public void reply(AgentId agent, ConversationId id, String message, boolean reopen) {
        var conversation = ofAgent(agent, id);
        var now = clock.instant();
        store.addMessage(new ConversationRepository.NewMessage(
                id, agent, false, checked(message), Conversation.Via.PORTAL, null, null, now));
        afterAgentWrote(conversation, reopen, now);
    }

    /** How a reply by e-mail was taken. */
    public enum MailReply {
        /** Added to its conversation. */
        JOINED,
        /** Added already: the same e-mail fetched twice. */
        ALREADY,
        /** No conversation matches its address or its references. */
        NO_CONVERSATION,
        /** Sent from another address than the agent's on file. */
        NOT_THE_AGENT,
        /** Nothing written above the quoted message. */
        EMPTY
    }

    /**
     * A reply to one of the helpline's e-mails, found by its reply address or its references, from the agent's
     * address on file: added to the conversation like a reply in the portal (which does not reopen a resolved one).
     *
     * @param mailId the reply's Message-ID, so that fetching it twice adds it once
     */
    @Transactional
    public MailReply replyByMail(Optional<ConversationId> conversation, String from, String text, String mailId) {
        var found = conversation.map(store::find).orElse(null);
        if (found == null) {
            return MailReply.NO_CONVERSATION;
        }
        var agent = directory.findById(found.agent()).orElse(null);
        if (agent == null || !agent.email().equalsIgnoreCase(from.strip())) {
            return MailReply.NOT_THE_AGENT;
        }
        var body = text.strip();
        if (body.isEmpty()) {
            return MailReply.EMPTY;
        }
        if (body.length() > LONGEST_MESSAGE) {
            body = body.substring(0, LONGEST_MESSAGE - 1) + "…";
        }
        var now = clock.instant();
        if (!store.addMessage(new ConversationRepository.NewMessage(
                found.id(), found.agent(), false, body, Conversation.Via.EMAIL, null, mailId, now))) {
            return MailReply.ALREADY;
        }
        afterAgentWrote(found, false, now);
        return MailReply.JOINED;
    }

    /** The conversation a reply address's token names. */
    @Transactional(readOnly = true)
    public Optional<ConversationId> byReplyToken(String token) {
        return store.byReplyToken(token);
    }

    /** The secret of the conversation's reply address. */
    @Transactional(readOnly = true)
    public String replyToken(ConversationId id) {
        return store.replyToken(id);
    }

    private void afterAgentWrote(Conversation conversation, boolean reopen, Instant now) {
        if (conversation.state() == Conversation.State.RESOLVED && !reopen) {
            store.setState(conversation.id(), Conversation.State.RESOLVED, now);
            return;
        }
        store.setState(conversation.id(), Conversation.State.OPEN, now);
        if (conversation.state() == Conversation.State.RESOLVED) {
            events.publish(new ConversationReopened(
                    conversation.agent(), conversation.id().toString(), null, now));
        }
    }

    /** The helpdesk answers; the conversation becomes theirs if nobody had taken it. */
    @Transactional
    public void answer(AgentId helpdesk, ConversationId id, String message) {
        var conversation = conversation(id);
        var now = clock.instant();
        store.addMessage(new ConversationRepository.NewMessage(
                id, helpdesk, true, checked(message), Conversation.Via.PORTAL, null, null, now));
        store.setState(id, Conversation.State.ANSWERED, now);
        if (conversation.assignee() == null) {
            store.assign(id, helpdesk);
        }
        events.publish(new ConversationAnswered(conversation.agent(), id.toString(), helpdesk, now));
    }

    /** A helpdesk agent takes the conversation (or gives it back to the queue, with {@code null}). */
    @Transactional
    public void assign(ConversationId id, @Nullable AgentId helpdesk) {
        conversation(id);
        if (helpdesk != null
                && directory
                        .findById(helpdesk)
                        .filter(agent -> agent.roles().contains(Role.SUPPORT))
                        .isEmpty()) {
            throw new GuichetException(HelplineError.NOT_HELPDESK);
        }
        store.assign(id, helpdesk);
    }

    /** The helpdesk agents a conversation can be given to. */
    @Transactional(readOnly = true)
    public List<AgentProfile> helpdeskAgents() {
        return directory.withRole(Role.SUPPORT);
    }

    /** The helpdesk resolves it. */
    @Transactional
    public void resolve(AgentId helpdesk, ConversationId id) {
        var conversation = conversation(id);
        if (conversation.state() == Conversation.State.RESOLVED) {
            return;
        }
        var now = clock.instant();
        store.setState(id, Conversation.State.RESOLVED, now);
        events.publish(new ConversationResolved(conversation.agent(), id.toString(), helpdesk, now));
    }

    /** The helpdesk reopens a resolved conversation. */
    @Transactional
    public void reopen(AgentId helpdesk, ConversationId id) {
        var conversation = conversation(id);
        if (conversation.state() != Conversation.State.RESOLVED) {
            return;
        }
        var now = clock.instant();
        store.setState(id, Conversation.State.OPEN, now);
        events.publish(new ConversationReopened(conversation.agent(), id.toString(), helpdesk, now));
    }

    /** The console's remedies the helpdesk applies from a conversation. */
    public enum Remedy {
        UNLOCK,
        ENROLMENT_CODE,
        ACTIVATE_NOMADIC,
        RESET_FACTORS;

        /** As URLs name it: {@code enrolment-code}. */
        public String path() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** The remedy the console names so ({@code UNLOCK}); empty for one not applied from a conversation. */
        public static Optional<Remedy> ofName(String name) {
            for (var remedy : values()) {
                if (remedy.name().equals(name)) {
                    return Optional.of(remedy);
                }
            }
            return Optional.empty();
        }

        public static Optional<Remedy> ofPath(String path) {
            for (var remedy : values()) {
                if (remedy.path().equals(path)) {
                    return Optional.of(remedy);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * Applies one of the console's remedies to the conversation's agent, journaled by the console as any of its
     * actions (with the reason given), and says so in the conversation, where the agent reads it. Returns the
     * enrolment code to read out, for that remedy.
     */
    @Transactional
    public @Nullable Object remedy(
            HelpdeskConsole.Helpdesk helpdesk,
            ConversationId id,
            Remedy remedy,
            @Nullable String reason,
            boolean lost) {
        var conversation = conversation(id);
        var soi = conversation.agent().soi();
        Object result = switch (remedy) {
            case UNLOCK -> {
                console.unlock(helpdesk, soi, reason);
                yield null;
            }
            case ENROLMENT_CODE -> console.issueEnrolmentCode(helpdesk, soi, reason);
            case ACTIVATE_NOMADIC -> {
                console.activateNomadic(helpdesk, soi, reason);
                yield null;
            }
            case RESET_FACTORS -> {
                console.resetFactors(helpdesk, soi, reason, lost);
                yield null;
            }
        };
        var now = clock.instant();
        store.addMessage(new ConversationRepository.NewMessage(
                id,
                helpdesk.agent(),
                true,
                reason == null ? "" : reason.strip(),
                Conversation.Via.PORTAL,
                remedy.name(),
                null,
                now));
        if (conversation.assignee() == null) {
            store.assign(id, helpdesk.agent());
        }
        return result;
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
                var found = new HashMap<String, @Nullable String>();
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

    private Conversation conversation(ConversationId id) {
        var found = store.find(id);
        if (found == null) {
            throw new GuichetException(HelplineError.CONVERSATION_NOT_FOUND);
        }
        return found;
    }

    /** A message as written, without its surrounding blanks; refused when empty, too long or holding a NUL. */
    static String checked(String message) {
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

    private static String token() {
        var bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** How long a conversation has waited for the helpdesk, in minutes (0 once answered or resolved). */
    public long waitingMinutes(Conversation conversation) {
        return conversation.state() == Conversation.State.OPEN
                ? ChronoUnit.MINUTES.between(conversation.updatedAt(), clock.instant())
                : 0;
    }
}
