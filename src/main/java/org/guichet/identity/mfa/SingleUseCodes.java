package org.guichet.identity.mfa;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The two statements every table of one-time codes shares (reset, SMS, recovery and enrolment codes: columns {@code
 * id}, {@code used_at}, and for codes with tries {@code attempts}, {@code expires_at}). Each is one conditional
 * update, so that a code serves once and every try counts, whichever node checks it.
 */
public final class SingleUseCodes {

    private SingleUseCodes() {}

    /** Marks the code used; tells whether it was still unused. */
    public static boolean use(JdbcClient jdbc, String table, String id, Instant now) {
        return jdbc.sql("UPDATE " + table + " SET used_at = ? WHERE id = ? AND used_at IS NULL")
                        .params(Timestamp.from(now), id)
                        .update()
                == 1;
    }

    /**
     * Spends one try of a live code: tells whether it could still be tried (unused, unexpired, tries left), in which
     * case it now counts one more.
     */
    public static boolean spendAttempt(JdbcClient jdbc, String table, String id, int maxAttempts, Instant now) {
        return jdbc.sql("UPDATE " + table + " SET attempts = attempts + 1"
                                + " WHERE id = ? AND used_at IS NULL AND expires_at > ? AND attempts < ?")
                        .params(id, Timestamp.from(now), maxAttempts)
                        .update()
                == 1;
    }
}
