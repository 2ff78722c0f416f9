package org.guichet.session.web;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

/**
 * The session store, writing a session's last access at most every {@link #PERIOD} instead of at every request.
 *
 * <p>Spring Session moves a session's last access at every request, and its JDBC store then writes the session's row
 * in a transaction of its own, even when nothing else changed: on PostgreSQL a commit (and a flush of its log) for
 * every page, API call and script of every agent. Here the last access moves only once the recorded one is {@link
 * #PERIOD} old (or a tenth of the idle timeout, if that is shorter); a request that changes nothing else writes
 * nothing. The price: an idle session may end up to that long before its idle timeout counted from its very last
 * request (less than the warning that offers to stay signed in, two minutes by default, which counts from the page's
 * load and so never ends before the server does).
 *
 * <p>Within a request ({@link SessionSavedInRequest}), a session this store saved is not read again: Spring Session
 * saves the session when the response is committed (a page larger than the response's buffer, before it is fully
 * written), forgets the session it read, and asks the store for it again when the request ends (spring-session
 * issues 1424 and 1731) — on every such page, a second read of the session's rows and a second deserialisation of its
 * security context, for the state it has just written.
 */
final class SparseLastAccess<S extends Session>
        implements FindByIndexNameSessionRepository<SparseLastAccess.Visited<S>> {

    static final Duration PERIOD = Duration.ofSeconds(30);

    /** The sessions saved by the request this thread serves, by id; none outside a request. */
    private static final ThreadLocal<Map<String, Visited<?>>> SAVED_IN_REQUEST = new ThreadLocal<>();

    private final FindByIndexNameSessionRepository<S> store;

    private SparseLastAccess(FindByIndexNameSessionRepository<S> store) {
        this.store = store;
    }

    static <S extends Session> SparseLastAccess<S> over(FindByIndexNameSessionRepository<S> store) {
        return new SparseLastAccess<>(store);
    }

    @Override
    public Visited<S> createSession() {
        return new Visited<>(store.createSession());
    }

    @Override
    public void save(Visited<S> session) {
        store.save(session.stored);
        var saved = SAVED_IN_REQUEST.get();
        if (saved != null) {
            saved.put(session.getId(), session);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public @Nullable Visited<S> findById(String id) {
        var saved = SAVED_IN_REQUEST.get();
        var known = saved == null ? null : saved.get(id);
        if (known != null && known.getId().equals(id)) {
            return (Visited<S>) known;
        }
        var session = store.findById(id);
        return session == null ? null : new Visited<>(session);
    }

    @Override
    public void deleteById(String id) {
        store.deleteById(id);
        var saved = SAVED_IN_REQUEST.get();
        if (saved != null) {
            saved.remove(id);
        }
    }

    /** Runs a request, whose saved sessions are then found without a read of the store until it ends. */
    static void inRequest(RequestWork work) throws java.io.IOException, jakarta.servlet.ServletException {
        SAVED_IN_REQUEST.set(new java.util.HashMap<>());
        try {
            work.run();
        } finally {
            SAVED_IN_REQUEST.remove();
        }
    }

    /** A request's work, as a filter chain runs it. */
    @FunctionalInterface
    interface RequestWork {
        void run() throws java.io.IOException, jakarta.servlet.ServletException;
    }

    @Override
    public Map<String, Visited<S>> findByIndexNameAndIndexValue(String indexName, String indexValue) {
        var found = new LinkedHashMap<String, Visited<S>>();
        store.findByIndexNameAndIndexValue(indexName, indexValue)
                .forEach((id, session) -> found.put(id, new Visited<>(session)));
        return found;
    }

    /** A session as the store holds it, whose last access moves only when the recorded one is old enough. */
    static final class Visited<S extends Session> implements Session {

        private final S stored;

        Visited(S stored) {
            this.stored = stored;
        }

        @Override
        public void setLastAccessedTime(Instant lastAccessedTime) {
            var tenth = stored.getMaxInactiveInterval().dividedBy(10);
            var period = tenth.isPositive() && tenth.compareTo(PERIOD) < 0 ? tenth : PERIOD;
            if (!lastAccessedTime.isBefore(stored.getLastAccessedTime().plus(period))) {
                stored.setLastAccessedTime(lastAccessedTime);
            }
        }

        @Override
        public Instant getLastAccessedTime() {
            return stored.getLastAccessedTime();
        }

        @Override
        public String getId() {
            return stored.getId();
        }

        @Override
        public String changeSessionId() {
            return stored.changeSessionId();
        }

        @Override
        public <T> @Nullable T getAttribute(String attributeName) {
            return stored.getAttribute(attributeName);
        }

        @Override
        public Set<String> getAttributeNames() {
            return stored.getAttributeNames();
        }

        @Override
        public void setAttribute(String attributeName, @Nullable Object attributeValue) {
            stored.setAttribute(attributeName, attributeValue);
        }

        @Override
        public void removeAttribute(String attributeName) {
            stored.removeAttribute(attributeName);
        }

        @Override
        public Instant getCreationTime() {
            return stored.getCreationTime();
        }

        @Override
        public void setMaxInactiveInterval(Duration interval) {
            stored.setMaxInactiveInterval(interval);
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return stored.getMaxInactiveInterval();
        }

        @Override
        public boolean isExpired() {
            return stored.isExpired();
        }
    }
}
