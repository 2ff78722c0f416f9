package org.guichet.platform.delivery;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Demo profile only: e-mails and SMS are kept in the database instead of being sent, and shown at {@code
 * /dev/outbox}. In the database, so that every node sees the same outbox.
 */
@Repository
@Profile("demo")
class DevOutbox {

    private final JdbcClient jdbc;
    private final Clock clock;

    DevOutbox(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    record Entry(String to, String channel, String subject, String body, Instant sentAt) {}

    void keep(String channel, String to, String subject, String body) {
        jdbc.sql("INSERT INTO dev_outbox (recipient, channel, subject, body, sent_at) VALUES (?, ?, ?, ?, ?)")
                .params(to, channel, subject, body, Timestamp.from(clock.instant()))
                .update();
    }

    /** The newest messages first. */
    List<Entry> newest(int limit) {
        return jdbc.sql("SELECT recipient, channel, subject, body, sent_at FROM dev_outbox ORDER BY id DESC LIMIT ?")
                .param(limit)
                .query((rs, n) -> new Entry(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getTimestamp(5).toInstant()))
                .list();
    }
}
