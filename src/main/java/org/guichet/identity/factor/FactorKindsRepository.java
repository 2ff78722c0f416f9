package org.guichet.identity.factor;

import java.util.EnumSet;
import java.util.Set;
import org.guichet.identity.FactorType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Which kinds of second factor an agent holds, in one statement over the four kinds' tables, where listing them
 * ({@link Factors#list}) takes one statement per kind or more: what a request that only needs the kinds asks for
 * (who needs which sign-in step, {@code GET /api/v1/me}, the home page's access decisions). A kind is held when the
 * agent has a row of it that its provider lists as usable, except for what a provider checks beyond its own table
 * ({@link FactorProvider#usableWhenHeld}); {@code FactorKindsTests} holds the two answers equal.
 */
@Repository
class FactorKindsRepository {

    private final JdbcClient jdbc;

    FactorKindsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Set<FactorType> held(String soi) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM user_credentials c JOIN user_entities u
                                         ON u.id = c.user_entity_user_id WHERE u.name = ?),
                               EXISTS (SELECT 1 FROM totp_credential WHERE soi = ?),
                               EXISTS (SELECT 1 FROM sms_factor WHERE soi = ?),
                               EXISTS (SELECT 1 FROM recovery_code WHERE soi = ? AND used_at IS NULL)
                        """).params(soi, soi, soi, soi).query(rs -> {
            var kinds = EnumSet.noneOf(FactorType.class);
            rs.next();
            if (rs.getBoolean(1)) {
                kinds.add(FactorType.PASSKEY);
            }
            if (rs.getBoolean(2)) {
                kinds.add(FactorType.TOTP);
            }
            if (rs.getBoolean(3)) {
                kinds.add(FactorType.SMS);
            }
            if (rs.getBoolean(4)) {
                kinds.add(FactorType.RECOVERY_CODE);
            }
            return kinds;
        });
    }
}
