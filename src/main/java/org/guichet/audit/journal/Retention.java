package org.guichet.audit.journal;

import java.time.Clock;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.guichet.audit.AuditSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Once a day, removes the entries older than the retention period (a year by default), and creates the monthly
 * partitions ahead (PostgreSQL), also at start so that a cluster stopped for months finds its month there.
 */
@Component
class Retention {

    private static final Logger LOG = LoggerFactory.getLogger(Retention.class);

    private final JournalWriter writer;
    private final JournalPartitions partitions;
    private final AuditSettings settings;
    private final Clock clock;

    Retention(JournalWriter writer, JournalPartitions partitions, AuditSettings settings, Clock clock) {
        this.writer = writer;
        this.partitions = partitions;
        this.settings = settings;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void prepareAtStart() {
        prepare();
    }

    @Scheduled(cron = "0 10 0 * * *", zone = "Europe/Paris")
    @SchedulerLock(name = "journal-partitions", lockAtLeastFor = "PT1M", lockAtMostFor = "PT30M")
    void preparePartitions() {
        prepare();
    }

    private void prepare() {
        try {
            partitions.prepare(JournalPartitions.monthOf(clock.instant()));
        } catch (org.springframework.dao.DataAccessException e) {
            // a search held the journal (the lock's 2 s wait ran out): the months ahead are there, next night then
            LOG.warn(
                    "Journal partitions not prepared this time: {}",
                    e.getMostSpecificCause().toString());
        }
    }

    @Scheduled(fixedDelayString = "PT24H", initialDelayString = "PT17M")
    @SchedulerLock(name = "journal-retention", lockAtLeastFor = "PT23H", lockAtMostFor = "PT23H30M")
    void purge() {
        var now = clock.instant();
        var removed = writer.purgeBefore(now.minus(settings.retention()), now);
        if (removed > 0) {
            LOG.info("Journal retention: removed {} entries older than {}", removed, settings.retention());
        }
    }
}
