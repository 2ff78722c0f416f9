package org.guichet.identity.factor.sms;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Agents who receive sign-in codes by SMS, on their verified mobile number. */
@Repository
class SmsFactorRepository {

    record SmsFactor(
            String name, Instant createdAt, @Nullable Instant lastUsedAt) {}

    private final JdbcClient jdbc;

    SmsFactorRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<SmsFactor> find(String soi) {
        return jdbc.sql("SELECT name, created_at, last_used_at FROM sms_factor WHERE soi = ?")
                .param(soi)
                .query((rs, n) -> new SmsFactor(
                        rs.getString(1),
                        rs.getTimestamp(2).toInstant(),
                        rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant()))
                .optional();
    }

    /** Adds the factor; tells whether it was new. */
    boolean insert(String soi, String name, Instant now) {
        return jdbc.sql("INSERT INTO sms_factor (soi, name, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                        .params(soi, name, Timestamp.from(now))
                        .update()
                == 1;
    }

    void used(String soi, Instant now) {
        jdbc.sql("UPDATE sms_factor SET last_used_at = ? WHERE soi = ?")
                .params(Timestamp.from(now), soi)
                .update();
    }

    boolean rename(String soi, String name) {
        return jdbc.sql("UPDATE sms_factor SET name = ? WHERE soi = ?")
                        .params(name, soi)
                        .update()
                == 1;
    }

    boolean delete(String soi) {
        return jdbc.sql("DELETE FROM sms_factor WHERE soi = ?").param(soi).update() == 1;
    }
}
