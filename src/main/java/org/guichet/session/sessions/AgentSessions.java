package org.guichet.session.sessions;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.guichet.directory.AgentId;
import org.guichet.network.Channel;
import org.guichet.platform.SessionHandles;
import org.guichet.session.SessionKeys;
import org.guichet.session.SessionRevoked;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An agent's open sessions, from the shared session store (so every node sees them all). Sessions are named by their
 * handle, never by their id.
 */
@ConditionalOnWebApplication
@Service
public class AgentSessions {

    private final FindByIndexNameSessionRepository<? extends Session> sessions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AgentSessions(
            FindByIndexNameSessionRepository<? extends Session> sessions,
            ApplicationEventPublisher events,
            Clock clock) {
        this.sessions = sessions;
        this.events = events;
        this.clock = clock;
    }

    /** A session as the agent sees it. */
    public record AgentSession(
            String handle,
            String browser,
            String system,
            @Nullable Channel channel,
            @Nullable String address,
            Instant startedAt,
            Instant lastSeenAt,
            boolean current,
            @Nullable String key) {}

    /** The agent's sessions, the current one first, then the most recently used. */
    public List<AgentSession> of(AgentId agent, @Nullable String currentSessionId) {
        return sessions.findByPrincipalName(agent.soi()).values().stream()
                .map(session -> view(session, Objects.equals(session.getId(), currentSessionId)))
                .sorted(Comparator.comparing(AgentSession::current)
                        .reversed()
                        .thenComparing(AgentSession::lastSeenAt, Comparator.reverseOrder()))
                .toList();
    }

    private static AgentSession view(Session session, boolean current) {
        Instant signedInAt = session.getAttribute(SessionAttributes.SIGNED_IN_AT);
        return new AgentSession(
                SessionHandles.of(session.getId()),
                Objects.requireNonNullElse(session.getAttribute(SessionAttributes.BROWSER), "?"),
                Objects.requireNonNullElse(session.getAttribute(SessionAttributes.SYSTEM), "?"),
                session.getAttribute(SessionAttributes.CHANNEL),
                session.getAttribute(SessionAttributes.ADDRESS),
                signedInAt != null ? signedInAt : session.getCreationTime(),
                session.getLastAccessedTime(),
                current,
                SessionKeys.in(session));
    }

    /** The stable keys of the agent's open sessions ({@link SessionKeys}), on every node. */
    public java.util.Set<String> keys(AgentId agent) {
        var keys = new java.util.HashSet<String>();
        sessions.findByPrincipalName(agent.soi()).values().forEach(session -> {
            var key = SessionKeys.in(session);
            if (key != null) {
                keys.add(key);
            }
        });
        return keys;
    }

    /** Closes one session of the agent's, found by its handle; tells whether there was one. */
    @Transactional
    public boolean revoke(AgentId agent, String handle, SessionRevoked.Cause cause) {
        var session = sessions.findByPrincipalName(agent.soi()).keySet().stream()
                .filter(id -> SessionHandles.of(id).equals(handle))
                .findFirst();
        session.ifPresent(id -> close(agent, id, cause));
        return session.isPresent();
    }

    /** Closes every session of the agent's but the one with this handle (none kept when null). */
    @Transactional
    public int revokeAllBut(AgentId agent, @Nullable String keptHandle, SessionRevoked.Cause cause) {
        var closed = 0;
        for (var id : List.copyOf(sessions.findByPrincipalName(agent.soi()).keySet())) {
            if (!SessionHandles.of(id).equals(keptHandle)) {
                close(agent, id, cause);
                closed++;
            }
        }
        events.publishEvent(new org.guichet.session.AllSessionsRevoked(agent, cause, clock.instant()));
        return closed;
    }

    private void close(AgentId agent, String id, SessionRevoked.Cause cause) {
        var session = sessions.findById(id);
        var key = session == null ? null : SessionKeys.in(session);
        sessions.deleteById(id);
        events.publishEvent(new SessionRevoked(agent, SessionHandles.of(id), key, cause, clock.instant()));
    }
}
