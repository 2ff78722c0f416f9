package org.guichet.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import org.guichet.audit.Journal;
import org.guichet.audit.JournalEntry;
import org.guichet.audit.NewEntry;
import org.guichet.directory.AgentId;
import org.guichet.directory.DirectoryManagement;
import org.guichet.identity.IdentityManagement;
import org.guichet.network.ClientConnection;
import org.guichet.platform.GuichetException;
import org.guichet.session.SessionManagement;
import org.guichet.session.SessionRevoked;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An agent's own activity, their "this wasn't me" report, and the cases it opens for the security officers. A report
 * closes every session of the agent's (the one they report from too), requires a new password at their next
 * sign-in, and opens a case; all three are journaled.
 */
@Service
public class NotMeReports {

    static final int COMMENT_MAX = 1000;

    private final JdbcClient jdbc;
    private final Journal journal;
    private final SessionManagement sessions;
    private final IdentityManagement identity;
    private final DirectoryManagement directory;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    NotMeReports(
            JdbcClient jdbc,
            Journal journal,
            SessionManagement sessions,
            IdentityManagement identity,
            DirectoryManagement directory,
            ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.journal = journal;
        this.sessions = sessions;
        this.identity = identity;
        this.directory = directory;
        this.events = events;
        this.clock = clock;
    }

    /** The agent's latest activity (50 entries at most), newest first. */
    public List<JournalEntry> activity(AgentId agent) {
        return journal.activity(agent.soi(), 50);
    }

    /** Reports activity the agent does not recognise; returns the case opened. */
    @Transactional
    public UUID report(AgentId agent, ClientConnection connection, @Nullable String comment) {
        var text = comment == null || comment.isBlank() ? null : comment.strip();
        if (text != null && text.length() > COMMENT_MAX) {
            throw new GuichetException(SecurityError.COMMENT_TOO_LONG);
        }
        var now = clock.instant();
        var closed = sessions.revokeAll(agent, SessionRevoked.Cause.NOT_ME);
        identity.requirePasswordChange(agent);
        var id = UUID.randomUUID();
        jdbc.sql("INSERT INTO security_case (id, soi, opened_at, address, channel, comment, sessions)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(
                        id,
                        agent.soi(),
                        Timestamp.from(now),
                        connection.address(),
                        connection.channel().name(),
                        text,
                        closed)
                .update();
        var details = new LinkedHashMap<String, Object>();
        details.put("case", id.toString());
        details.put("sessionsClosed", closed);
        details.put("passwordChangeRequired", true);
        if (text != null) {
            details.put("comment", text);
        }
        events.publishEvent(new NotMeReported(id, agent, now));
        journal.record(new NewEntry(
                now,
                "NotMeReported",
                agent.soi(),
                agent.soi(),
                connection.address(),
                connection.channel().name(),
                details,
                true));
        return id;
    }

    /** The cases, open ones first, then the most recent. */
    public List<SecurityCase> cases() {
        return jdbc.sql("SELECT * FROM security_case ORDER BY CASE WHEN closed_at IS NULL THEN 0 ELSE 1 END,"
                        + " opened_at DESC FETCH FIRST 200 ROWS ONLY")
                .query((rs, row) -> new SecurityCase(
                        rs.getObject("id", UUID.class),
                        rs.getString("soi"),
                        directory.displayName(AgentId.of(rs.getString("soi"))),
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

    /** Closes a case with what the security officer found; journaled. */
    @Transactional
    public void close(UUID id, AgentId officer, ClientConnection connection, @Nullable String outcome) {
        var text = outcome == null ? "" : outcome.strip();
        if (text.length() < 3) {
            throw new GuichetException(SecurityError.OUTCOME_REQUIRED);
        }
        if (text.length() > COMMENT_MAX) {
            throw new GuichetException(SecurityError.COMMENT_TOO_LONG);
        }
        var soi = jdbc.sql("SELECT soi FROM security_case WHERE id = ?")
                .param(id)
                .query(String.class)
                .optional()
                .orElseThrow(() -> new GuichetException(SecurityError.CASE_NOT_FOUND));
        var now = clock.instant();
        var updated = jdbc.sql("UPDATE security_case SET closed_at = ?, closed_by = ?, outcome = ?"
                        + " WHERE id = ? AND closed_at IS NULL")
                .params(Timestamp.from(now), officer.soi(), text, id)
                .update();
        if (updated == 0) {
            throw new GuichetException(SecurityError.CASE_ALREADY_CLOSED);
        }
        var details = new LinkedHashMap<String, Object>();
        details.put("case", id.toString());
        details.put("outcome", text);
        journal.record(new NewEntry(
                now,
                "SecurityCaseClosed",
                officer.soi(),
                soi,
                connection.address(),
                connection.channel().name(),
                details,
                false));
    }
}
