package org.guichet.helpline.domain;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
            Instant at) {}

    public void insert(NewConversation conversation) {
        jdbc.sql("""
                        INSERT INTO conversation (id, soi, reference, reason, service, channel, page, browser, state,
                        opened_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?)""")
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
                        Timestamp.from(conversation.at()))
                .update();
    }

    public void addMessage(ConversationId id, AgentId author, boolean fromHelpdesk, String body, Instant at) {
        jdbc.sql("""
                        INSERT INTO conversation_message (id, conversation_id, author, from_helpdesk, body, sent_at)
                        VALUES (?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), id.value(), author.soi(), fromHelpdesk, body, Timestamp.from(at))
                .update();
    }

    public void setState(ConversationId id, Conversation.State state, Instant at) {
        jdbc.sql("UPDATE conversation SET state = ?, updated_at = ? WHERE id = ?")
                .params(state.name(), Timestamp.from(at), id.value())
                .update();
    }

    /** The agent's conversations, the latest first (without their messages). */
    public List<Conversation> ofAgent(AgentId agent) {
        return list("WHERE c.soi = ? ORDER BY c.updated_at DESC", agent.soi());
    }

    /** Open conversations first (the longest waiting first), then the others, latest first. */
    public List<Conversation> queue(int most) {
        return list("""
                ORDER BY CASE c.state WHEN 'OPEN' THEN 0 WHEN 'ANSWERED' THEN 1 ELSE 2 END,
                CASE WHEN c.state = 'OPEN' THEN c.updated_at END ASC, c.updated_at DESC LIMIT ?""", most);
    }

    /** A conversation with its messages, oldest first; null when none. */
    public @Nullable Conversation find(ConversationId id) {
        var found = list("WHERE c.id = ?", id.value());
        if (found.isEmpty()) {
            return null;
        }
        var messages = jdbc.sql("""
                        SELECT m.author, m.from_helpdesk, m.body, m.sent_at FROM conversation_message m
                        WHERE m.conversation_id = ? ORDER BY m.sent_at, m.id""")
                .param(id.value())
                .query((rs, row) -> new Conversation.Message(
                        rs.getString(1),
                        rs.getBoolean(2),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant()))
                .list();
        var c = found.getFirst();
        return new Conversation(
                c.id(),
                c.agent(),
                c.agentName(),
                c.reference(),
                c.reason(),
                c.service(),
                c.channel(),
                c.page(),
                c.browser(),
                c.state(),
                c.openedAt(),
                c.updatedAt(),
                messages);
    }

    private List<Conversation> list(String where, Object... params) {
        return jdbc.sql("""
                        SELECT c.id, c.soi, a.first_name, a.last_name, c.reference, c.reason, c.service, c.channel,
                        c.page, c.browser, c.state, c.opened_at, c.updated_at
                        FROM conversation c JOIN agent a ON a.soi = c.soi""" + " " + where)
                .params(params)
                .query((rs, row) -> new Conversation(
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
                        new ArrayList<>()))
                .list();
    }
}
