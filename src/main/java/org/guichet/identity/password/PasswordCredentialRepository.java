package org.guichet.identity.password;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Password hashes, one per agent, with whether the agent must choose a new one before anything else. */
@Repository
public class PasswordCredentialRepository {

    private final JdbcClient jdbc;
    private final Clock clock;

    PasswordCredentialRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record PasswordCredential(String soi, String hash, boolean mustChange) {}

    public Optional<PasswordCredential> find(String soi) {
        return jdbc.sql("SELECT soi, password_hash, must_change FROM password_credential WHERE soi = ?")
                .param(soi)
                .query((rs, n) -> new PasswordCredential(rs.getString(1), rs.getString(2), rs.getBoolean(3)))
                .optional();
    }

    /** Creates the credential, or does nothing when the agent already has one; tells which. */
    public boolean createIfAbsent(String soi, String hash, boolean mustChange) {
        return jdbc.sql("""
                        INSERT INTO password_credential (soi, password_hash, changed_at, must_change)
                        SELECT ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM password_credential WHERE soi = ?)""")
                        .params(soi, hash, Timestamp.from(clock.instant()), mustChange, soi)
                        .update()
                == 1;
    }

    /** Replaces the hash with a stronger one of the same password; the change date stays. */
    public void rehash(String soi, String hash) {
        jdbc.sql("UPDATE password_credential SET password_hash = ? WHERE soi = ?")
                .params(hash, soi)
                .update();
    }
}
