package org.guichet.identity.factor.recovery;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.guichet.identity.mfa.SingleUseCodes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Agents' recovery codes, hashed. */
@Repository
class RecoveryCodeRepository {

    record Unused(String id, String hash) {}

    private final JdbcClient jdbc;

    RecoveryCodeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Replaces the agent's codes by these hashes. */
    void replace(String soi, List<String> hashes, Instant now) {
        jdbc.sql("DELETE FROM recovery_code WHERE soi = ?").param(soi).update();
        for (var hash : hashes) {
            jdbc.sql("INSERT INTO recovery_code (id, soi, code_hash, created_at) VALUES (?, ?, ?, ?)")
                    .params(java.util.UUID.randomUUID().toString(), soi, hash, Timestamp.from(now))
                    .update();
        }
    }

    List<Unused> unused(String soi) {
        return jdbc.sql("SELECT id, code_hash FROM recovery_code WHERE soi = ? AND used_at IS NULL")
                .param(soi)
                .query((rs, n) -> new Unused(rs.getString(1), rs.getString(2)))
                .list();
    }

    /** Marks a code used; tells whether it was still unused (so that one code serves once). */
    boolean use(String id, Instant now) {
        return SingleUseCodes.use(jdbc, "recovery_code", id, now);
    }

    /** When the agent's codes were generated, and how many are left. */
    record Summary(Instant createdAt, int remaining) {}

    java.util.Optional<Summary> summary(String soi) {
        return jdbc.sql("""
                        SELECT MIN(created_at), COUNT(*) - COUNT(used_at) FROM recovery_code WHERE soi = ?
                        HAVING COUNT(*) > 0""")
                .param(soi)
                .query((rs, n) -> new Summary(rs.getTimestamp(1).toInstant(), rs.getInt(2)))
                .optional();
    }

    void delete(String soi) {
        jdbc.sql("DELETE FROM recovery_code WHERE soi = ?").param(soi).update();
    }
}
