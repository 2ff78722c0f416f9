package org.guichet.notification.push;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.guichet.directory.AgentId;
import org.guichet.notification.Category;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The agents' push subscriptions, in the database. */
@Repository
public class PushSubscriptions {

    private final JdbcClient jdbc;

    PushSubscriptions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One subscription: where to post, its keys (RFC 8291), and what the agent wants on it. */
    public record Subscription(String endpoint, AgentId agent, String p256dh, String auth, Set<Category> categories) {}

    /** Stores the subscription for the agent (replacing the one with the same address, whoever's it was). */
    public void save(Subscription subscription, Instant at) {
        delete(subscription.endpoint());
        jdbc.sql("""
                        INSERT INTO push_subscription (endpoint, soi, p256dh, auth, categories, created_at)
                        VALUES (?, ?, ?, ?, ?, ?)""")
                .params(
                        subscription.endpoint(),
                        subscription.agent().soi(),
                        subscription.p256dh(),
                        subscription.auth(),
                        subscription.categories().stream()
                                .map(Enum::name)
                                .sorted()
                                .collect(Collectors.joining(",")),
                        Timestamp.from(at))
                .update();
    }

    /** The agent's subscriptions that want this category. */
    public List<Subscription> of(AgentId agent, Category category) {
        return jdbc
                .sql("SELECT endpoint, p256dh, auth, categories FROM push_subscription WHERE soi = ?")
                .param(agent.soi())
                .query((rs, row) -> new Subscription(
                        rs.getString(1), agent, rs.getString(2), rs.getString(3), categories(rs.getString(4))))
                .list()
                .stream()
                .filter(subscription -> subscription.categories().contains(category))
                .toList();
    }

    /** Removes one of the agent's subscriptions; false when it is not theirs. */
    public boolean delete(AgentId agent, String endpoint) {
        return jdbc.sql("DELETE FROM push_subscription WHERE endpoint = ? AND soi = ?")
                        .params(endpoint, agent.soi())
                        .update()
                > 0;
    }

    /** Removes a subscription the push service says is gone. */
    public void delete(String endpoint) {
        jdbc.sql("DELETE FROM push_subscription WHERE endpoint = ?")
                .param(endpoint)
                .update();
    }

    private static Set<Category> categories(String text) {
        var set = EnumSet.noneOf(Category.class);
        Arrays.stream(text.split(",")).filter(name -> !name.isBlank()).forEach(name -> {
            try {
                set.add(Category.valueOf(name));
            } catch (IllegalArgumentException gone) {
                // a category that no longer exists
            }
        });
        return set;
    }
}
