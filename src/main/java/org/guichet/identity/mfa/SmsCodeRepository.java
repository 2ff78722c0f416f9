package org.guichet.identity.mfa;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Codes sent by SMS, hashed; an agent has at most one live code per purpose, the last one sent. */
@Repository
class SmsCodeRepository {

    record LiveCode(String id, String number, String hash, int attempts) {}

    private final JdbcClient jdbc;

    SmsCodeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a new code; the agent's earlier codes of this purpose stop working. */
    void replace(String id, String soi, String purpose, String number, String hash, Instant now, Instant expiresAt) {
        jdbc.sql("UPDATE sms_code SET used_at = ? WHERE soi = ? AND purpose = ? AND used_at IS NULL")
                .params(Timestamp.from(now), soi, purpose)
                .update();
        jdbc.sql("""
                        INSERT INTO sms_code (id, soi, purpose, number, code_hash, created_at, expires_at, attempts)
                        VALUES (?, ?, ?, ?, ?, ?, ?, 0)""")
                .params(id, soi, purpose, number, hash, Timestamp.from(now), Timestamp.from(expiresAt))
                .update();
    }

    /** The agent's unused, unexpired code of this purpose. */
    Optional<LiveCode> live(String soi, String purpose, Instant now) {
        return jdbc.sql("""
                        SELECT id, number, code_hash, attempts FROM sms_code
                        WHERE soi = ? AND purpose = ? AND used_at IS NULL AND expires_at > ?""")
                .params(soi, purpose, Timestamp.from(now))
                .query((rs, n) -> new LiveCode(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4)))
                .optional();
    }

    /**
     * Spends one try of a live code in one conditional update: tells whether it could still be tried (unused,
     * unexpired, tries left), in which case it now counts one more.
     */
    boolean spendAttempt(String id, int maxAttempts, Instant now) {
        return SingleUseCodes.spendAttempt(jdbc, "sms_code", id, maxAttempts, now);
    }

    /** Marks the code used; tells whether it was still unused (so that one code serves once). */
    boolean use(String id, Instant now) {
        return SingleUseCodes.use(jdbc, "sms_code", id, now);
    }

    void purge(Instant before) {
        jdbc.sql("DELETE FROM sms_code WHERE expires_at < ?")
                .param(Timestamp.from(before))
                .update();
    }
}
