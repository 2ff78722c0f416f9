package org.guichet.security;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.guichet.directory.AgentId;
import org.guichet.network.ClientConnection;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The security officers' cases: opened by an agent's report, closed once by an officer with what they found. */
@Repository
class SecurityCaseRepository {

    private final JdbcClient jdbc;

    SecurityCaseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void open(
            UUID id,
            AgentId agent,
            Instant now,
            ClientConnection connection,
            @Nullable String comment,
            int sessionsClosed) {
        jdbc.sql("INSERT INTO security_case (id, soi, opened_at, address, channel, comment, sessions)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(
                        id,
                        agent.soi(),
                        Timestamp.from(now),
                        connection.address(),
                        connection.channel().name(),
                        comment,
                        sessionsClosed)
                .update();
    }

    /** The cases, open ones first, then the most recent (200 at most), with the agents' names. */
    List<SecurityCase> cases(Function<AgentId, String> names) {
        return jdbc.sql("SELECT * FROM security_case ORDER BY CASE WHEN closed_at IS NULL THEN 0 ELSE 1 END,"
                        + " opened_at DESC FETCH FIRST 200 ROWS ONLY")
                .query((rs, row) -> new SecurityCase(
                        rs.getObject("id", UUID.class),
                        rs.getString("soi"),
                        names.apply(AgentId.of(rs.getString("soi"))),
                        rs.getTimestamp("opened_at").toInstant(),
                        rs.getString("address"),
                        rs.getString("channel"),
                        rs.getString("comment"),
                        rs.getInt("sessions"),
                        rs.getTimestamp("closed_at") == null
                                ? null
                                : rs.getTimestamp("closed_at").toInstant(),
                        rs.getString("closed_by"),
                        rs.getString("outcome")))
                .list();
    }

    /** The agent a case is about. */
    Optional<String> agentOf(UUID id) {
        return jdbc.sql("SELECT soi FROM security_case WHERE id = ?")
                .param(id)
                .query(String.class)
                .optional();
    }

    /** Closes an open case; tells whether it was still open. */
    boolean close(UUID id, AgentId officer, String outcome, Instant now) {
        return jdbc.sql("UPDATE security_case SET closed_at = ?, closed_by = ?, outcome = ?"
                                + " WHERE id = ? AND closed_at IS NULL")
                        .params(Timestamp.from(now), officer.soi(), outcome, id)
                        .update()
                == 1;
    }
}
