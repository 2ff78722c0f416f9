package org.guichet.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import org.guichet.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An event whose listener failed is handed to it again by the scheduled resubmission, once, and only by the node that
 * holds the turn (not at start-up: {@code republish-outstanding-events-on-restart} is off for several nodes).
 */
@IntegrationTest
@Import(EventResubmissionTests.FlakyListener.class)
class EventResubmissionTests {

    /** An event of this test only. */
    record Knock(String id) {}

    /** Fails the first delivery of the knocks it is told to, and records the others (read through methods: proxied). */
    @TestComponent
    static class FlakyListener {

        private final Set<String> failFirst = ConcurrentHashMap.newKeySet();
        private final List<String> received = new CopyOnWriteArrayList<>();

        void failFirst(String id) {
            failFirst.add(id);
        }

        List<String> received() {
            return List.copyOf(received);
        }

        @ApplicationModuleListener
        void on(Knock knock) {
            if (failFirst.remove(knock.id())) {
                throw new IllegalStateException("the first delivery of " + knock.id() + " fails");
            }
            received.add(knock.id());
        }
    }

    @Autowired
    FlakyListener listener;

    @Autowired
    EventResubmission resubmission;

    @Autowired
    LockProvider locks;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.springframework.core.env.Environment environment;

    @Test
    void resubmitWhenAListenerFailedThenDeliveredAgainOnceAndCompleted() {
        var knock = failingOnce();
        await().atMost(Duration.ofSeconds(10)).until(() -> "FAILED".equals(status(knock)));
        assertThat(listener.received()).doesNotContain(knock.id());

        resubmission.resubmitFailed();

        await().atMost(Duration.ofSeconds(10)).until(() -> "COMPLETED".equals(status(knock)));
        assertThat(listener.received()).containsOnlyOnce(knock.id());
        resubmission.resubmitFailed();
        assertThat(listener.received())
                .as("a completed event is not delivered again")
                .containsOnlyOnce(knock.id());
        assertThat(environment.getProperty("spring.modulith.events.republish-outstanding-events-on-restart"))
                .isEqualTo("false");
    }

    @Test
    void resubmitWhenAnotherNodeHoldsTheTurnThenThisNodeLeavesItAlone() {
        var knock = failingOnce();
        await().atMost(Duration.ofSeconds(10)).until(() -> "FAILED".equals(status(knock)));
        var held = locks.lock(turn());
        assertThat(held).as("another node takes the turn").isPresent();
        try {
            resubmission.resubmitFailed();
            assertThat(status(knock)).isEqualTo("FAILED");
            assertThat(locks.lock(turn())).as("a held turn is not taken twice").isEmpty();
        } finally {
            held.orElseThrow().unlock();
        }

        resubmission.resubmitFailed();

        await().atMost(Duration.ofSeconds(10)).until(() -> "COMPLETED".equals(status(knock)));
        assertThat(listener.received()).containsOnlyOnce(knock.id());
    }

    /** The resubmission's turn, as another node's scheduler takes it. */
    private static LockConfiguration turn() {
        return new LockConfiguration(Instant.now(), EventResubmission.JOB, Duration.ofMinutes(5), Duration.ZERO);
    }

    private Knock failingOnce() {
        var knock = new Knock(UUID.randomUUID().toString());
        listener.failFirst(knock.id());
        transactions.executeWithoutResult(status -> events.publishEvent(knock));
        return knock;
    }

    private String status(Knock knock) {
        return jdbc.sql("SELECT status FROM event_publication WHERE serialized_event LIKE ?")
                .param("%" + knock.id() + "%")
                .query(String.class)
                .optional()
                .orElse(null);
    }
}
