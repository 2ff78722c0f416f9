package org.guichet.identity.signin;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Failure counters in the database, shared by every node. Each change is one atomic statement (an insert that does
 * nothing when the row exists, then an update computed from the row's current value under its lock), so concurrent
 * failures on one key all count.
 */
@Repository
class ThrottleRepository {

    private final JdbcClient jdbc;

    ThrottleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Counter(int failures, @Nullable Instant lockedUntil) {}

    Optional<Counter> find(String key) {
        return jdbc.sql("SELECT failures, locked_until FROM login_throttle WHERE throttle_key = ?")
                .param(key)
                .query((rs, n) -> new Counter(
                        rs.getInt(1),
                        rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant()))
                .optional();
    }

    /**
     * Counts one more failure, forgetting earlier ones older than {@code forgetBefore}, and returns the new count.
     * Must run in a transaction, which then holds the row's lock until it ends.
     */
    int addFailure(String key, Instant now, Instant forgetBefore) {
        var at = Timestamp.from(now);
        jdbc.sql("INSERT INTO login_throttle (throttle_key, failures, last_failure) VALUES (?, 0, ?) "
                        + "ON CONFLICT DO NOTHING")
                .params(key, at)
                .update();
        jdbc.sql("""
                UPDATE login_throttle
                SET failures = CASE WHEN last_failure < ? THEN 1 ELSE failures + 1 END, last_failure = ?
                WHERE throttle_key = ?""").params(Timestamp.from(forgetBefore), at, key).update();
        return jdbc.sql("SELECT failures FROM login_throttle WHERE throttle_key = ?")
                .param(key)
                .query(Integer.class)
                .single();
    }

    void lockUntil(String key, @Nullable Instant until) {
        jdbc.sql("UPDATE login_throttle SET locked_until = ? WHERE throttle_key = ?")
                .params(until == null ? null : Timestamp.from(until), key)
                .update();
    }

    /** Forgets these keys; tells how many were locked at {@code now}. */
    int clear(Collection<String> keys, Instant now) {
        if (keys.isEmpty()) {
            return 0;
        }
        var locked = jdbc.sql(
                        "SELECT COUNT(*) FROM login_throttle WHERE throttle_key IN (:keys) AND locked_until > :now")
                .param("keys", keys)
                .param("now", Timestamp.from(now))
                .query(Integer.class)
                .single();
        jdbc.sql("DELETE FROM login_throttle WHERE throttle_key IN (:keys)")
                .param("keys", keys)
                .update();
        return locked;
    }

    /** Counts a failure from this address in the current one-minute window, opening a new window when it is over. */
    void addAddressFailure(String address, Instant now, Instant windowOpenedAfter) {
        var at = Timestamp.from(now);
        jdbc.sql(
                        "INSERT INTO address_throttle (address, window_start, failures) VALUES (?, ?, 0) ON CONFLICT DO NOTHING")
                .params(address, at)
                .update();
        jdbc.sql("""
                UPDATE address_throttle
                SET failures = CASE WHEN window_start <= ? THEN 1 ELSE failures + 1 END,
                    window_start = CASE WHEN window_start <= ? THEN ? ELSE window_start END
                WHERE address = ?""")
                .params(Timestamp.from(windowOpenedAfter), Timestamp.from(windowOpenedAfter), at, address)
                .update();
    }

    record Window(Instant start, int failures) {}

    Optional<Window> addressWindow(String address) {
        return jdbc.sql("SELECT window_start, failures FROM address_throttle WHERE address = ?")
                .param(address)
                .query((rs, n) -> new Window(rs.getTimestamp(1).toInstant(), rs.getInt(2)))
                .optional();
    }

    /** Removes counters nobody needs any more. */
    int purge(Instant failuresBefore, Instant windowsBefore, Instant now) {
        var counters = jdbc.sql(
                        "DELETE FROM login_throttle WHERE last_failure < ? AND (locked_until IS NULL OR locked_until < ?)")
                .params(Timestamp.from(failuresBefore), Timestamp.from(now))
                .update();
        var windows = jdbc.sql("DELETE FROM address_throttle WHERE window_start < ?")
                .param(Timestamp.from(windowsBefore))
                .update();
        return counters + windows;
    }
}
