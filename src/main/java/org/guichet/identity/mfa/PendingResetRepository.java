package org.guichet.identity.mfa;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.guichet.directory.AgentId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Factor resets waiting for the agent to enrol a new factor, with who of the helpdesk asked for each. */
@Repository
class PendingResetRepository {

    private final JdbcClient jdbc;

    PendingResetRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a waiting reset, replacing any the agent had. */
    void replace(AgentId agent, AgentId by, Instant now) {
        clear(agent);
        jdbc.sql("INSERT INTO factor_reset_pending (soi, requested_at, requested_by) VALUES (?, ?, ?)")
                .params(agent.soi(), Timestamp.from(now), by.soi())
                .update();
    }

    /** Forgets the agent's waiting reset; tells whether there was one (one node only wins it). */
    boolean clear(AgentId agent) {
        return jdbc.sql("DELETE FROM factor_reset_pending WHERE soi = ?")
                        .param(agent.soi())
                        .update()
                > 0;
    }

    /** Who asked for the agent's waiting reset, if one waits. */
    Optional<AgentId> requestedBy(AgentId agent) {
        return jdbc.sql("SELECT requested_by FROM factor_reset_pending WHERE soi = ?")
                .param(agent.soi())
                .query(String.class)
                .optional()
                .map(AgentId::of);
    }
}
