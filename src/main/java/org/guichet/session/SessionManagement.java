package org.guichet.session;

import java.time.Duration;
import java.util.List;
import org.guichet.directory.AgentId;
import org.guichet.platform.LiveSettingRejected;
import org.guichet.platform.LiveSettings;
import org.guichet.session.charter.CharterService;
import org.guichet.session.sessions.AgentSessions;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.session.autoconfigure.SessionProperties;
import org.springframework.stereotype.Service;

/** What other modules may ask of sessions: an agent's open sessions, closing them, and the charter. */
@Service
public class SessionManagement {

    private final ObjectProvider<AgentSessions> sessions;
    private final CharterService charter;
    private final LiveSettings live;
    private final SessionRules configured;

    SessionManagement(
            ObjectProvider<AgentSessions> sessions,
            CharterService charter,
            LiveSettings live,
            SessionSettings settings,
            ObjectProvider<SessionProperties> session) {
        this.sessions = sessions;
        this.charter = charter;
        this.live = live;
        var properties = session.getIfAvailable();
        var idle = properties == null || properties.getTimeout() == null
                ? Duration.ofMinutes(30)
                : properties.getTimeout();
        this.configured = new SessionRules(idle, settings.absoluteLifetime());
    }

    /** How long sessions last now: the configuration's, or what an administrator set, on every node. */
    public SessionRules rules() {
        return live.get(SessionRules.LIVE, SessionRules.class, configured);
    }

    /** Sets how long sessions last on every node: the idle timeout within the lifetime; else refused. */
    public void changeRules(SessionRules rules, String by) {
        if (rules.idleTimeout().isNegative()
                || rules.idleTimeout().isZero()
                || rules.idleTimeout().compareTo(rules.absoluteLifetime()) > 0) {
            throw new LiveSettingRejected(List.of(
                    new LiveSettingRejected.Problem("idleTimeout", "session.error.idleLongerThanLifetime", List.of())));
        }
        live.put(SessionRules.LIVE, rules, by);
    }

    /**
     * Publishes a new version of the IT charter: every agent accepts it at their next sign-in. Paragraphs are
     * separated by line breaks.
     *
     * @return the new version's number
     */
    public int publishCharter(String titleFr, String titleEn, String textFr, String textEn) {
        return charter.publish(titleFr, titleEn, textFr, textEn);
    }

    /** The current charter in this language. */
    public CharterText charter(java.util.Locale locale) {
        var current = charter.current(locale);
        return new CharterText(current.version(), current.publishedAt(), current.title(), current.paragraphs());
    }

    /** An open session, as the helpdesk may see it (never its id). */
    public record OpenSession(
            String browser,
            String system,
            @org.jspecify.annotations.Nullable String address,
            java.time.Instant lastSeenAt) {}

    /** The agent's open sessions, on every node, the most recently used first. */
    public List<OpenSession> openSessions(AgentId agent) {
        var store = sessions.getIfAvailable();
        if (store == null) {
            return List.of();
        }
        return store.of(agent, null).stream()
                .map(session ->
                        new OpenSession(session.browser(), session.system(), session.address(), session.lastSeenAt()))
                .toList();
    }

    /** The stable keys of the agent's open sessions ({@link SessionKeys}), on every node. */
    public java.util.Set<String> openSessionKeys(AgentId agent) {
        var store = sessions.getIfAvailable();
        return store == null ? java.util.Set.of() : store.keys(agent);
    }

    /** Closes every session of the agent's; returns how many were open. */
    public int revokeAll(AgentId agent, SessionRevoked.Cause cause) {
        var store = sessions.getIfAvailable();
        return store == null ? 0 : store.revokeAllBut(agent, null, cause);
    }

    /** Whether the agent has yet to accept the current version of the IT charter. */
    public boolean charterPending(AgentId agent) {
        return charter.pending(agent);
    }

    public int charterVersion() {
        return charter.currentVersion();
    }
}
