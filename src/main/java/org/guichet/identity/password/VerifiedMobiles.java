package org.guichet.identity.password;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import org.guichet.directory.AgentProfile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The mobile number each agent proved they hold. A number is verified only while it is still the one in the
 * directory: a number changed there must be verified again before codes go to it.
 */
@Repository
public class VerifiedMobiles {

    private final JdbcClient jdbc;
    private final Clock clock;

    VerifiedMobiles(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<String> of(AgentProfile agent) {
        if (agent.mobile() == null) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT number FROM mobile_verification WHERE soi = ?")
                .param(agent.id().soi())
                .query(String.class)
                .optional()
                .filter(agent.mobile()::equals);
    }

    public void verified(String soi, String number) {
        jdbc.sql("DELETE FROM mobile_verification WHERE soi = ?").param(soi).update();
        jdbc.sql("INSERT INTO mobile_verification (soi, number, verified_at) VALUES (?, ?, ?)")
                .params(soi, number, Timestamp.from(clock.instant()))
                .update();
    }
}
