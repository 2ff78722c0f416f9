package org.guichet.identity.password;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Password hashes, one per agent, with the ones they replaced. */
@Repository
public class PasswordCredentialRepository {

    private final JdbcClient jdbc;
    private final Clock clock;

    PasswordCredentialRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * @param mustChange the agent must choose a new password before anything else
     */
    public record PasswordCredential(String soi, String hash, Instant changedAt, boolean mustChange) {}

    public Optional<PasswordCredential> find(String soi) {
        return jdbc.sql("SELECT soi, password_hash, changed_at, must_change FROM password_credential WHERE soi = ?")
                .param(soi)
                .query((rs, n) -> new PasswordCredential(
                        rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getBoolean(4)))
                .optional();
    }

    /** Creates the credential, or does nothing when the agent already has one; tells which. */
    public boolean createIfAbsent(String soi, String hash, boolean mustChange) {
        return jdbc.sql("""
                        INSERT INTO password_credential (soi, password_hash, changed_at, must_change)
                        VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                        .params(soi, hash, Timestamp.from(clock.instant()), mustChange)
                        .update()
                == 1;
    }

    /** Replaces the hash with a stronger one of the same password; the change date stays. */
    public void rehash(String soi, String hash) {
        jdbc.sql("UPDATE password_credential SET password_hash = ? WHERE soi = ?")
                .params(hash, soi)
                .update();
    }

    /** Sets a new password; the former hash joins the history. To be called in a transaction. */
    void replace(String soi, String hash, Instant now) {
        jdbc.sql("""
                INSERT INTO password_history (soi, password_hash, retired_at)
                SELECT soi, password_hash, ? FROM password_credential WHERE soi = ?""").params(Timestamp.from(now), soi).update();
        jdbc.sql("UPDATE password_credential SET password_hash = ?, changed_at = ?, must_change = FALSE WHERE soi = ?")
                .params(hash, Timestamp.from(now), soi)
                .update();
    }

    /** The latest former hashes, newest first. */
    /** Makes the agent choose a new password at their next sign-in; tells whether they have one. */
    boolean requireChange(String soi) {
        return jdbc.sql("UPDATE password_credential SET must_change = TRUE WHERE soi = ?")
                        .param(soi)
                        .update()
                > 0;
    }

    List<String> history(String soi, int latest) {
        return jdbc.sql("SELECT password_hash FROM password_history WHERE soi = ? ORDER BY retired_at DESC LIMIT ?")
                .params(soi, latest)
                .query(String.class)
                .list();
    }
}
