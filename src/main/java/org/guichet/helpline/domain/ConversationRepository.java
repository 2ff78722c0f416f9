package org.guichet.helpline.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.guichet.directory.AgentId;
import org.guichet.helpline.Conversation;
import org.guichet.helpline.ConversationId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Conversations and their messages in the database. */
@Repository
public class ConversationRepository {

    private static final String SELECT = """
            SELECT c.id, c.soi, a.first_name, a.last_name, c.reference, c.reason, c.service, c.channel,
            c.page, c.browser, c.state, c.opened_at, c.updated_at, c.assignee, h.first_name, h.last_name,
            c.blocked, c.unverified
            FROM conversation c JOIN agent a ON a.soi = c.soi LEFT JOIN agent h ON h.soi = c.assignee""";

    private final JdbcClient jdbc;

    ConversationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What a conversation is opened with. */
    public record NewConversation(
            ConversationId id,
            AgentId agent,
            @Nullable String reference,
            @Nullable String reason,
            @Nullable String service,
            @Nullable String channel,
            @Nullable String page,
            @Nullable String browser,
            boolean blocked,
            boolean unverified,
            String replyToken,
            Instant at) {}

    /** A message to add. */
    public record NewMessage(
            ConversationId conversation,
            AgentId author,
            boolean fromHelpdesk,
            String body,
            Conversation.Via via,
            @Nullable String remedy,
            @Nullable String mailId,
            Instant at) {}

    public void insert(NewConversation conversation) {
        jdbc.sql("""
                        INSERT INTO conversation (id, soi, reference, reason, service, channel, page, browser, state,
                        opened_at, updated_at, blocked, unverified, reply_token)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, ?, ?, ?)""")
                .params(
                        conversation.id().value(),
                        conversation.agent().soi(),
                        conversation.reference(),
                        conversation.reason(),
                        conversation.service(),
                        conversation.channel(),
                        conversation.page(),
                        conversation.browser(),
                        Timestamp.from(conversation.at()),
                        Timestamp.from(conversation.at()),
                        conversation.blocked(),
                        conversation.unverified(),
                        conversation.replyToken())
                .update();
    }

    /**
     * Adds a message; false when one with this e-mail's Message-ID is there already (the same reply fetched twice, by
     * two nodes or after a failure).
     */
    public boolean addMessage(NewMessage message) {
        if (message.mailId() != null
                && jdbc.sql("SELECT COUNT(*) FROM conversation_message WHERE mail_id = ?")
                                .param(message.mailId())
                                .query(Integer.class)
                                .single()
                        > 0) {
            return false;
        }
        jdbc.sql("""
                        INSERT INTO conversation_message (id, conversation_id, author, from_helpdesk, body, sent_at,
                        via, remedy, mail_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        UUID.randomUUID(),
                        message.conversation().value(),
                        message.author().soi(),
                        message.fromHelpdesk(),
                        message.body(),
                        Timestamp.from(message.at()),
                        message.via().name(),
                        message.remedy(),
                        message.mailId())
                .update();
        return true;
    }

    public void setState(ConversationId id, Conversation.State state, Instant at) {
        jdbc.sql("UPDATE conversation SET state = ?, updated_at = ? WHERE id = ?")
                .params(state.name(), Timestamp.from(at), id.value())
                .update();
    }

    public void assign(ConversationId id, @Nullable AgentId assignee) {
        jdbc.sql("UPDATE conversation SET assignee = ? WHERE id = ?")
                .params(assignee == null ? null : assignee.soi(), id.value())
                .update();
    }

    /** The agent's conversations, the latest first (without their messages). */
    public List<Conversation> ofAgent(AgentId agent) {
        return list("WHERE c.soi = ? ORDER BY c.updated_at DESC", agent.soi());
    }

    /**
     * Open conversations first, those of agents who cannot sign in at all before the others, the longest waiting
     * first; then the answered ones; then the resolved, latest first.
     */
    public List<Conversation> queue(int most) {
        return list("""
                ORDER BY CASE c.state WHEN 'OPEN' THEN 0 WHEN 'ANSWERED' THEN 1 ELSE 2 END,
                CASE WHEN c.state = 'OPEN' AND c.blocked THEN 0 ELSE 1 END,
                CASE WHEN c.state = 'OPEN' THEN c.updated_at END ASC, c.updated_at DESC LIMIT ?""", most);
    }

    /** A conversation with its messages, oldest first; null when none. */
    public @Nullable Conversation find(ConversationId id) {
        var found = list("WHERE c.id = ?", id.value());
        if (found.isEmpty()) {
            return null;
        }
        var messages = jdbc.sql("""
                        SELECT m.author, a.first_name, a.last_name, m.from_helpdesk, m.body, m.sent_at, m.via, m.remedy
                        FROM conversation_message m JOIN agent a ON a.soi = m.author
                        WHERE m.conversation_id = ? ORDER BY m.sent_at, m.id""")
                .param(id.value())
                .query((rs, row) -> new Conversation.Message(
                        rs.getString(1),
                        rs.getString(2) + " " + rs.getString(3),
                        rs.getBoolean(4),
                        rs.getString(5),
                        rs.getTimestamp(6).toInstant(),
                        Conversation.Via.valueOf(rs.getString(7)),
                        rs.getString(8)))
                .list();
        return found.getFirst().withMessages(messages);
    }

    /** The conversation whose reply address carries this token. */
    public Optional<ConversationId> byReplyToken(String token) {
        return jdbc.sql("SELECT id FROM conversation WHERE reply_token = ?")
                .param(token)
                .query((rs, row) -> new ConversationId(rs.getObject(1, UUID.class)))
                .optional();
    }

    /** The secret of the conversation's reply address. */
    public String replyToken(ConversationId id) {
        return jdbc.sql("SELECT reply_token FROM conversation WHERE id = ?")
                .param(id.value())
                .query(String.class)
                .single();
    }

    private List<Conversation> list(String where, Object... params) {
        return jdbc.sql(SELECT + " " + where)
                .params(params)
                .query((rs, row) -> conversation(rs))
                .list();
    }

    private static Conversation conversation(ResultSet rs) throws SQLException {
        var assignee = rs.getString(14);
        return new Conversation(
                new ConversationId(rs.getObject(1, UUID.class)),
                AgentId.of(rs.getString(2)),
                rs.getString(3) + " " + rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8),
                rs.getString(9),
                rs.getString(10),
                Conversation.State.valueOf(rs.getString(11)),
                rs.getTimestamp(12).toInstant(),
                rs.getTimestamp(13).toInstant(),
                assignee == null ? null : AgentId.of(assignee),
                assignee == null ? null : rs.getString(15) + " " + rs.getString(16),
                rs.getBoolean(17),
                rs.getBoolean(18),
                List.of());
    }
}
