package org.guichet.identity.reset;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.guichet.identity.mfa.SingleUseCodes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reset codes, hashed. */
@Repository
class ResetCodeRepository {

    private final JdbcClient jdbc;

    ResetCodeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record StoredCode(String soi, String hash, Instant expiresAt, int attempts, boolean used) {}

    /** Stores a new code; the agent's earlier codes stop working. */
    void replace(String id, String soi, String hash, String channel, Instant now, Instant expiresAt) {
        jdbc.sql("UPDATE reset_code SET used_at = ? WHERE soi = ? AND used_at IS NULL")
                .params(Timestamp.from(now), soi)
                .update();
        jdbc.sql("""
                INSERT INTO reset_code (id, soi, code_hash, channel, created_at, expires_at, attempts)
                VALUES (?, ?, ?, ?, ?, ?, 0)""")
                .params(id, soi, hash, channel, Timestamp.from(now), Timestamp.from(expiresAt))
                .update();
    }

    /**
     * Spends one attempt of a live code, atomically: tells whether the code could still be tried (unused,
     * unexpired, attempts left), in which case it now counts one more attempt.
     */
    boolean spendAttempt(String id, int maxAttempts, Instant now) {
        return SingleUseCodes.spendAttempt(jdbc, "reset_code", id, maxAttempts, now);
    }

    Optional<StoredCode> find(String id) {
        return jdbc.sql("SELECT soi, code_hash, expires_at, attempts, used_at FROM reset_code WHERE id = ?")
                .param(id)
                .query((rs, n) -> new StoredCode(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getTimestamp(3).toInstant(),
                        rs.getInt(4),
                        rs.getTimestamp(5) != null))
                .optional();
    }

    /** Marks the code used; tells whether it was still unused (so that one code serves once). */
    boolean use(String id, Instant now) {
        return SingleUseCodes.use(jdbc, "reset_code", id, now);
    }

    void purge(Instant before) {
        jdbc.sql("DELETE FROM reset_code WHERE expires_at < ?")
                .param(Timestamp.from(before))
                .update();
    }
}
