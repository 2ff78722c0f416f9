package org.guichet.session.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.MapSession;
import org.springframework.session.MapSessionRepository;

/** The session store as Guichet decorates it: last access written sparsely, a session saved in a request not read again. */
class SparseLastAccessTests {

    /** Spring Session's in-memory store (each read a copy, as a database's), counting its reads. */
    static final class CountingStore implements FindByIndexNameSessionRepository<MapSession> {

        final MapSessionRepository sessions = new MapSessionRepository(new ConcurrentHashMap<>());
        int reads;

        @Override
        public MapSession createSession() {
            return sessions.createSession();
        }

        @Override
        public void save(MapSession session) {
            sessions.save(session);
        }

        @Override
        public @Nullable MapSession findById(String id) {
            reads++;
            return sessions.findById(id);
        }

        @Override
        public void deleteById(String id) {
            sessions.deleteById(id);
        }

        @Override
        public Map<String, MapSession> findByIndexNameAndIndexValue(String indexName, String indexValue) {
            return Map.of();
        }
    }

    private final CountingStore store = new CountingStore();
    private final SparseLastAccess<MapSession> sessions = SparseLastAccess.over(store);

    private String saved(String value) {
        var session = sessions.createSession();
        session.setAttribute("kept", value);
        sessions.save(session);
        return session.getId();
    }

    @Test
    void findByIdWhenTheRequestSavedTheSessionThenNotReadAgain() throws Exception {
        var id = saved("before");

        SparseLastAccess.inRequest(() -> {
            var read = sessions.findById(id);
            read.setAttribute("kept", "after");
            sessions.save(read);

            var again = sessions.findById(id);

            assertThat(again).isSameAs(read);
            assertThat(store.reads).isEqualTo(1);
        });
        assertThat(sessions.findById(id).<String>getAttribute("kept")).isEqualTo("after");
    }

    @Test
    void findByIdWhenOutsideARequestOrInTheNextOneThenReadFromTheStore() throws Exception {
        var id = saved("value");
        SparseLastAccess.inRequest(() -> sessions.save(sessions.findById(id)));
        store.reads = 0;

        sessions.findById(id);
        SparseLastAccess.inRequest(() -> sessions.findById(id));

        assertThat(store.reads).isEqualTo(2);
    }

    @Test
    void findByIdWhenTheRequestDeletedTheSessionThenNone() throws Exception {
        var id = saved("value");

        SparseLastAccess.inRequest(() -> {
            sessions.save(sessions.findById(id));
            sessions.deleteById(id);

            assertThat(sessions.findById(id)).isNull();
        });
    }

    @Test
    void findByIdWhenTheRequestChangedTheSessionIdThenTheFormerIdFindsNothing() throws Exception {
        var id = saved("value");

        SparseLastAccess.inRequest(() -> {
            var session = sessions.findById(id);
            var renewed = session.changeSessionId();
            sessions.save(session);

            assertThat(sessions.findById(renewed)).isSameAs(session);
            assertThat(sessions.findById(id)).isNull();
        });
    }

    @Test
    void setLastAccessedTimeWhenRecentThenUnchangedAndWhenOldEnoughThenMoved() {
        var session = sessions.findById(saved("value"));
        var recorded = session.getLastAccessedTime();

        session.setLastAccessedTime(recorded.plus(SparseLastAccess.PERIOD).minusSeconds(1));
        assertThat(session.getLastAccessedTime()).isEqualTo(recorded);

        session.setLastAccessedTime(recorded.plus(SparseLastAccess.PERIOD));
        assertThat(session.getLastAccessedTime()).isEqualTo(recorded.plus(SparseLastAccess.PERIOD));
        assertThat(session.getMaxInactiveInterval()).isEqualTo(Duration.ofMinutes(30));
    }
}
