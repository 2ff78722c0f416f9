package org.guichet.identity.mfa;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Enrolment codes handed out by the helpdesk, hashed; an agent has at most one live code. */
@Repository
class EnrolmentCodeRepository {

    record Live(String id, String hash) {}

    private final JdbcClient jdbc;

    EnrolmentCodeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a new code; the agent's earlier ones stop working. */
    void replace(String id, String soi, String hash, String issuedBy, Instant now, Instant expiresAt) {
        jdbc.sql("UPDATE enrolment_code SET used_at = ? WHERE soi = ? AND used_at IS NULL")
                .params(Timestamp.from(now), soi)
                .update();
        jdbc.sql("""
                        INSERT INTO enrolment_code (id, soi, code_hash, issued_by, issued_at, expires_at)
                        VALUES (?, ?, ?, ?, ?, ?)""")
                .params(id, soi, hash, issuedBy, Timestamp.from(now), Timestamp.from(expiresAt))
                .update();
    }

    List<Live> live(String soi, Instant now) {
        return jdbc.sql("SELECT id, code_hash FROM enrolment_code WHERE soi = ? AND used_at IS NULL AND expires_at > ?")
                .params(soi, Timestamp.from(now))
                .query((rs, n) -> new Live(rs.getString(1), rs.getString(2)))
                .list();
    }

    boolean use(String id, Instant now) {
        return SingleUseCodes.use(jdbc, "enrolment_code", id, now);
    }

    void purge(Instant before) {
        jdbc.sql("DELETE FROM enrolment_code WHERE expires_at < ?")
                .param(Timestamp.from(before))
                .update();
    }
}
