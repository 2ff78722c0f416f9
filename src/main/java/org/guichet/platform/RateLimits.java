package org.guichet.platform;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * At most so many actions per key in a window that opens with the first one (codes sent to an agent, say). Counted
 * in the database by one conditional update, so that concurrent requests on every node are counted exactly and the
 * limit is never exceeded.
 */
@Repository
public class RateLimits {

    private final JdbcClient jdbc;
    private final Clock clock;

    RateLimits(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Takes one of the {@code limit} actions the key may make per {@code window}.
     *
     * @return empty when taken; when the limit is reached, the instant the window ends
     */
    @Transactional
    public Optional<Instant> tryAcquire(String key, int limit, Duration window) {
        var now = clock.instant();
        var expired = Timestamp.from(now.minus(window));
        jdbc.sql("INSERT INTO rate_limit (limit_key, window_start, hits) VALUES (?, ?, 0) ON CONFLICT DO NOTHING")
                .params(key, Timestamp.from(now))
                .update();
        var taken = jdbc.sql("""
                        UPDATE rate_limit
                        SET hits = CASE WHEN window_start <= :expired THEN 1 ELSE hits + 1 END,
                            window_start = CASE WHEN window_start <= :expired THEN :now ELSE window_start END
                        WHERE limit_key = :key AND (window_start <= :expired OR hits < :limit)""")
                .param("expired", expired)
                .param("now", Timestamp.from(now))
                .param("key", key)
                .param("limit", limit)
                .update();
        if (taken == 1) {
            return Optional.empty();
        }
        return Optional.of(jdbc.sql("SELECT window_start FROM rate_limit WHERE limit_key = ?")
                .param(key)
                .query(Timestamp.class)
                .single()
                .toInstant()
                .plus(window));
    }

    /** Forgets the key's count (after a success that should not count against the agent). */
    public void reset(String key) {
        jdbc.sql("DELETE FROM rate_limit WHERE limit_key = ?").param(key).update();
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT9M")
    @SchedulerLock(name = "rate-limit-purge", lockAtLeastFor = "PT55M", lockAtMostFor = "PT59M")
    void purge() {
        jdbc.sql("DELETE FROM rate_limit WHERE window_start < ?")
                .param(Timestamp.from(clock.instant().minus(Duration.ofDays(1))))
                .update();
    }
}
