package org.guichet.identity.factor.totp;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Authenticator apps enrolled by agents; their keys stay sealed here. */
@Repository
class TotpRepository {

    record Credential(
            String id,
            String soi,
            String name,
            String sealedSecret,
            String algorithm,
            int digits,
            int period,
            @Nullable Long lastStep,
            Instant createdAt,
            @Nullable Instant lastUsedAt) {}

    private final JdbcClient jdbc;

    TotpRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Credential> findBySoi(String soi) {
        return jdbc.sql("SELECT * FROM totp_credential WHERE soi = ? ORDER BY created_at")
                .param(soi)
                .query(TotpRepository::credential)
                .list();
    }

    void insert(Credential credential) {
        jdbc.sql("""
                        INSERT INTO totp_credential
                            (id, soi, name, secret, algorithm, digits, period, last_step, created_at, last_used_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        credential.id(),
                        credential.soi(),
                        credential.name(),
                        credential.sealedSecret(),
                        credential.algorithm(),
                        credential.digits(),
                        credential.period(),
                        credential.lastStep(),
                        Timestamp.from(credential.createdAt()),
                        credential.lastUsedAt() == null ? null : Timestamp.from(credential.lastUsedAt()))
                .update();
    }

    /**
     * Accepts the code of this time step: only if no code of this step or a later one was accepted before, in one
     * conditional update, so that two nodes given the same code at the same moment accept it once between them.
     */
    boolean accept(String id, long step, Instant now) {
        return jdbc.sql("""
                                UPDATE totp_credential SET last_step = ?, last_used_at = ?
                                WHERE id = ? AND (last_step IS NULL OR last_step < ?)""").params(step, Timestamp.from(now), id, step).update() == 1;
    }

    boolean rename(String soi, String id, String name) {
        return jdbc.sql("UPDATE totp_credential SET name = ? WHERE soi = ? AND id = ?")
                        .params(name, soi, id)
                        .update()
                == 1;
    }

    boolean delete(String soi, String id) {
        return jdbc.sql("DELETE FROM totp_credential WHERE soi = ? AND id = ?")
                        .params(soi, id)
                        .update()
                == 1;
    }

    private static Credential credential(ResultSet rs, int row) throws SQLException {
        Long lastStep = rs.getLong("last_step");
        if (rs.wasNull()) {
            lastStep = null;
        }
        var lastUsed = rs.getTimestamp("last_used_at");
        return new Credential(
                rs.getString("id"),
                rs.getString("soi"),
                rs.getString("name"),
                rs.getString("secret"),
                rs.getString("algorithm"),
                rs.getInt("digits"),
                rs.getInt("period"),
                lastStep,
                rs.getTimestamp("created_at").toInstant(),
                lastUsed == null ? null : lastUsed.toInstant());
    }
}
