package org.guichet.notification.inbox;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.guichet.directory.AgentId;
import org.guichet.notification.Category;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Each agent's in-app notifications and e-mail choices. */
@Repository
public class Inbox {

    private final JdbcClient jdbc;

    Inbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A notification as pages and the API show it. */
    public record Notification(
            UUID id,
            Category category,
            String titleFr,
            String titleEn,
            String link,
            Instant createdAt,
            @Nullable Instant readAt) {

        public String title(java.util.Locale locale) {
            return "en".equals(locale.getLanguage()) ? titleEn : titleFr;
        }

        public boolean unread() {
            return readAt == null;
        }
    }

    public void add(AgentId agent, Category category, String titleFr, String titleEn, String link, Instant at) {
        jdbc.sql("""
                        INSERT INTO notification (id, soi, category, title_fr, title_en, link, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        UUID.randomUUID(),
                        agent.soi(),
                        category.name(),
                        clip(titleFr),
                        clip(titleEn),
                        link,
                        Timestamp.from(at))
                .update();
    }

    /** The latest notifications, newest first. */
    public List<Notification> latest(AgentId agent, int limit) {
        return jdbc.sql("SELECT * FROM notification WHERE soi = ? ORDER BY created_at DESC LIMIT ?")
                .params(agent.soi(), limit)
                .query((rs, row) -> new Notification(
                        rs.getObject("id", UUID.class),
                        Category.valueOf(rs.getString("category")),
                        rs.getString("title_fr"),
                        rs.getString("title_en"),
                        rs.getString("link"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("read_at") == null
                                ? null
                                : rs.getTimestamp("read_at").toInstant()))
                .list();
    }

    /** The page an agent's notification links to; empty when it is not theirs. */
    public java.util.Optional<String> link(AgentId agent, UUID id) {
        return jdbc.sql("SELECT link FROM notification WHERE id = ? AND soi = ?")
                .params(id, agent.soi())
                .query(String.class)
                .optional();
    }

    public int unread(AgentId agent) {
        return jdbc.sql("SELECT COUNT(*) FROM notification WHERE soi = ? AND read_at IS NULL")
                .param(agent.soi())
                .query(Integer.class)
                .single();
    }

    /** Marks the agent's notification read; tells whether it was theirs. */
    public boolean markRead(AgentId agent, UUID id, Instant at) {
        return jdbc.sql("UPDATE notification SET read_at = COALESCE(read_at, ?) WHERE id = ? AND soi = ?")
                        .params(Timestamp.from(at), id, agent.soi())
                        .update()
                == 1;
    }

    public void markAllRead(AgentId agent, Instant at) {
        jdbc.sql("UPDATE notification SET read_at = ? WHERE soi = ? AND read_at IS NULL")
                .params(Timestamp.from(at), agent.soi())
                .update();
    }

    /** Whether the agent wants e-mails of each category (yes unless they said no). */
    public Map<Category, Boolean> emailChoices(AgentId agent) {
        var choices = new EnumMap<Category, Boolean>(Category.class);
        for (var category : Category.values()) {
            choices.put(category, category != Category.DIGEST);
        }
        jdbc.sql("SELECT category, email FROM notification_preference WHERE soi = ?")
                .param(agent.soi())
                .query(rs -> {
                    choices.put(
                            Category.valueOf(rs.getString(1)),
                            rs.getBoolean(2)
                                    || !Category.valueOf(rs.getString(1)).optional());
                });
        return choices;
    }

    public void chooseEmail(AgentId agent, Category category, boolean email) {
        var updated = jdbc.sql("UPDATE notification_preference SET email = ? WHERE soi = ? AND category = ?")
                .params(email, agent.soi(), category.name())
                .update();
        if (updated == 0) {
            jdbc.sql(
                            "INSERT INTO notification_preference (soi, category, email) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                    .params(agent.soi(), category.name(), email)
                    .update();
        }
    }

    /** The agents who chose the daily digest of approvals. */
    public List<AgentId> digestReaders() {
        return jdbc.sql("SELECT soi FROM notification_preference WHERE category = 'DIGEST' AND email = TRUE")
                .query((rs, row) -> AgentId.of(rs.getString(1)))
                .list();
    }

    /** Records that the agent's digest of that day is being sent; false when another node already does. */
    public boolean claimDigest(AgentId agent, java.time.LocalDate day) {
        return jdbc.sql("INSERT INTO notification_digest (soi, digest_day) VALUES (?, ?) ON CONFLICT DO NOTHING")
                        .params(agent.soi(), java.sql.Date.valueOf(day))
                        .update()
                == 1;
    }

    private static String clip(String text) {
        return text.length() <= 300 ? text : text.substring(0, 299) + "…";
    }
}
