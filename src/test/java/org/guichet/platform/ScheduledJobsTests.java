package org.guichet.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.guichet.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Scheduled jobs run once per schedule whatever the number of nodes: every {@code @Scheduled} method carries a ShedLock
 * lock, and the lock, taken with the database's time, lets one caller through among many at once and keeps the job
 * held after it ran for as long as it asks.
 */
@IntegrationTest
@Import(ScheduledJobsTests.Daily.class)
class ScheduledJobsTests {

    /** A job of this test only, held an hour after it ran (as a daily digest is); read through a method: proxied. */
    @TestComponent
    static class Daily {

        private final AtomicInteger runs = new AtomicInteger();

        public int runs() {
            return runs.get();
        }

        @SchedulerLock(name = "scheduled-jobs-test", lockAtLeastFor = "PT1H", lockAtMostFor = "PT2H")
        public void run() {
            runs.incrementAndGet();
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Autowired
    Daily daily;

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyScheduledJobWhenDeclaredThenLockedForTheCluster() {
        var unlocked = new ArrayList<String>();
        new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.guichet")
                .forEach(type -> type.getMethods().stream()
                        .filter(method ->
                                method.isAnnotatedWith(Scheduled.class) && !method.isAnnotatedWith(SchedulerLock.class))
                        .forEach(method -> unlocked.add(method.getFullName())));
        assertThat(unlocked).as("@Scheduled without @SchedulerLock").isEmpty();
    }

    @Test
    void jobWhenEightNodesCallItAtOnceThenItRunsOnceAndStaysHeld() throws Exception {
        // a run of this test an hour ago or less (a database kept between runs) would hold it: that hour is over
        jdbc.sql("UPDATE shedlock SET lock_until = locked_at WHERE name = 'scheduled-jobs-test'")
                .update();
        var start = new CountDownLatch(1);
        var callers = new ArrayList<Thread>();
        for (int i = 0; i < 8; i++) {
            callers.add(Thread.ofPlatform().start(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                daily.run();
            }));
        }
        start.countDown();
        for (var caller : callers) {
            caller.join();
        }
        daily.run();

        assertThat(daily.runs())
                .as("eight callers at once, then one more after it ended")
                .isEqualTo(1);
        var heldFor = jdbc.sql("SELECT lock_until, locked_at FROM shedlock WHERE name = 'scheduled-jobs-test'")
                .query((row, n) -> Duration.between(
                        row.getTimestamp("locked_at").toInstant(),
                        row.getTimestamp("lock_until").toInstant()))
                .single();
        assertThat(heldFor).isCloseTo(Duration.ofHours(1), Duration.ofSeconds(5));
    }
}
