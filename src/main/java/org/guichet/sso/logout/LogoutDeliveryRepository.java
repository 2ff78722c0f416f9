package org.guichet.sso.logout;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The back-channel logout tokens to deliver ({@code sso_logout_delivery}), one per application and session. */
@Repository
class LogoutDeliveryRepository {

    private final JdbcClient jdbc;

    LogoutDeliveryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Delivery(
            UUID id,
            String sid,
            String agent,
            String registeredClientId,
            String issuer,
            String cause,
            int attempts,
            Instant nextAttemptAt) {}

    /** A delivery to make at once. */
    void add(String sid, String agent, String registeredClientId, String issuer, String cause, Instant at) {
        jdbc.sql("""
                        INSERT INTO sso_logout_delivery
                            (id, sid, agent, registered_client_id, issuer, cause, created_at, next_attempt_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        UUID.randomUUID(),
                        sid,
                        agent,
                        registeredClientId,
                        issuer,
                        cause,
                        Timestamp.from(at),
                        Timestamp.from(at))
                .update();
    }

    /** The deliveries due now (not delivered, not given up), the oldest first. */
    List<Delivery> due(Instant now, int limit) {
        return jdbc.sql("""
                        SELECT id, sid, agent, registered_client_id, issuer, cause, attempts, next_attempt_at
                        FROM sso_logout_delivery
                        WHERE delivered_at IS NULL AND given_up_at IS NULL AND next_attempt_at <= ?
                        ORDER BY next_attempt_at LIMIT ?""")
                .params(Timestamp.from(now), limit)
                .query((rs, row) -> new Delivery(
                        rs.getObject("id", UUID.class),
                        rs.getString("sid"),
                        rs.getString("agent"),
                        rs.getString("registered_client_id"),
                        rs.getString("issuer"),
                        rs.getString("cause"),
                        rs.getInt("attempts"),
                        rs.getTimestamp("next_attempt_at").toInstant()))
                .list();
    }

    /**
     * Takes an attempt of this delivery, pushing its next one to {@code retryAt}: false when another node (or thread)
     * took it first.
     */
    boolean take(Delivery delivery, Instant retryAt) {
        return jdbc.sql("""
                                UPDATE sso_logout_delivery SET attempts = attempts + 1, next_attempt_at = ?
                                WHERE id = ? AND attempts = ? AND delivered_at IS NULL AND given_up_at IS NULL""")
                        .params(Timestamp.from(retryAt), delivery.id(), delivery.attempts())
                        .update()
                == 1;
    }

    void delivered(UUID id, Instant at) {
        jdbc.sql("UPDATE sso_logout_delivery SET delivered_at = ?, last_error = NULL WHERE id = ?")
                .params(Timestamp.from(at), id)
                .update();
    }

    void failed(UUID id, String error, boolean givenUp, Instant at) {
        jdbc.sql("UPDATE sso_logout_delivery SET last_error = ?, given_up_at = ? WHERE id = ?")
                .params(error.length() > 500 ? error.substring(0, 500) : error, givenUp ? Timestamp.from(at) : null, id)
                .update();
    }

    /** The deliveries of a session: for the tests and the helpdesk's questions. */
    List<@Nullable Instant> deliveredAt(String sid) {
        return jdbc.sql("SELECT delivered_at FROM sso_logout_delivery WHERE sid = ?")
                .param(sid)
                .query((rs, row) ->
                        rs.getTimestamp(1) == null ? null : rs.getTimestamp(1).toInstant())
                .list();
    }
}
