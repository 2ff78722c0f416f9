package org.guichet.platform;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Turns of scheduled work that one node at a time must do: a node takes a turn with one conditional update, so two
 * nodes never hold the same turn. The jobs are rows of {@code job_claim}, made by the migration that needs them.
 */
@Repository
public class JobClaims {

    private final JdbcClient jdbc;
    private final Clock clock;

    JobClaims(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Whether this node now holds the job for {@code hold}; false while another node holds it. */
    public boolean claim(String job, Duration hold) {
        var now = Instant.now(clock);
        return jdbc.sql("UPDATE job_claim SET held_until = ? WHERE name = ? AND held_until <= ?")
                        .params(Timestamp.from(now.plus(hold)), job, Timestamp.from(now))
                        .update()
                == 1;
    }

    /** Gives the turn back before its end, for the next node (or this one) to take at once. */
    public void release(String job) {
        jdbc.sql("UPDATE job_claim SET held_until = ? WHERE name = ?")
                .params(Timestamp.from(Instant.EPOCH), job)
                .update();
    }
}
