package org.guichet.security;

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

    private final SecurityCaseRepository cases;
    private final Journal journal;
    private final SessionManagement sessions;
    private final IdentityManagement identity;
    private final DirectoryManagement directory;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    NotMeReports(
            SecurityCaseRepository cases,
            Journal journal,
            SessionManagement sessions,
            IdentityManagement identity,
            DirectoryManagement directory,
            ApplicationEventPublisher events,
            Clock clock) {
        this.cases = cases;
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
        cases.open(id, agent, now, connection, text, closed);
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
        return cases.cases(directory::displayName);
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
        var soi = cases.agentOf(id).orElseThrow(() -> new GuichetException(SecurityError.CASE_NOT_FOUND));
        var now = clock.instant();
        if (!cases.close(id, officer, text, now)) {
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
