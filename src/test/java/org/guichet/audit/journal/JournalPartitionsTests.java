package org.guichet.audit.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import org.guichet.audit.Journal;
import org.guichet.audit.JournalQuery;
import org.guichet.testing.IntegrationTest;
import org.guichet.testing.OwnDatabase;
import org.guichet.testing.TestJournal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The journal at city scale: on PostgreSQL one partition a month, whole months dropped by the retention purge, an
 * entry whose month was not created yet kept and moved into it when it is, a month verified alone and linked to the
 * months around it. On H2 (one table) the purge removes entries one by one and months are verified alike. On a
 * database of its own, since the purge removes every other test's entries.
 */
@IntegrationTest
@OwnDatabase
class JournalPartitionsTests {

    @Autowired
    Journal journal;

    @Autowired
    JournalWriter writer;

    @Autowired
    JournalPartitions partitions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Autowired
    javax.sql.DataSource dataSource;

    TestJournal entries;

    @BeforeEach
    void setUp() throws Exception {
        entries = new TestJournal(journal, jdbc, clock, dataSource);
    }

    private java.time.YearMonth monthOf(long seq) {
        var stored = jdbc.sql("SELECT stored_at FROM journal_entry WHERE seq = ?")
                .param(seq)
                .query(java.sql.Timestamp.class)
                .single();
        return JournalPartitions.monthOf(stored.toInstant());
    }

    private String partitionOf(long seq) {
        return jdbc.sql("SELECT tableoid::regclass::text FROM journal_entry WHERE seq = ?")
                .param(seq)
                .query(String.class)
                .single();
    }

    @Test
    void startWhenOnPostgresqlThenThisMonthAndTheNextTwoHaveTheirPartition() {
        var current = JournalPartitions.monthOf(clock.instant());
        if (!partitions.partitioned()) {
            assertThat(partitions.months()).isEmpty();
            return;
        }
        assertThat(partitions.months()).contains(current, current.plusMonths(1), current.plusMonths(2));
        var seq = entries.record("lands in this month's partition");
        assertThat(partitionOf(seq))
                .isEqualTo("journal_entry_" + monthOf(seq).toString().replace('-', '_'));
    }

    @Test
    void purgeWhenTheCutoffFallsInTheCurrentMonthThenOnPostgresqlTheMonthIsKeptWhole() {
        var seq = entries.record("appended this month");
        var cutoff = clock.instant().plusSeconds(1);
        var removed = writer.purgeBefore(cutoff, cutoff);
        if (partitions.partitioned()) {
            // the month is not over: its entries stay until it wholly passes the retention
            assertThat(removed).isZero();
            assertThat(jdbc.sql("SELECT COUNT(*) FROM journal_entry WHERE seq = ?")
                            .param(seq)
                            .query(Long.class)
                            .single())
                    .isEqualTo(1);
        } else {
            assertThat(removed).isPositive();
        }
        assertThat(journal.verify().valid()).isTrue();
    }

    @Test
    void purgeWhenAMonthIsWhollyPastTheRetentionThenItsPartitionIsDroppedAndTheChainStaysVerifiable() {
        entries.record("goes with its month");
        var last = entries.record("goes with its month too");
        var month = monthOf(last);
        // a retention that the whole of this month has passed: the cutoff is in the month after
        var cutoff = JournalPartitions.start(month.plusMonths(1)).plus(Duration.ofDays(3));

        var removed = writer.purgeBefore(cutoff, clock.instant());

        assertThat(removed).isGreaterThanOrEqualTo(2);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM journal_entry WHERE seq <= ?")
                        .param(last)
                        .query(Long.class)
                        .single())
                .isZero();
        var purged = journal.search(new JournalQuery(null, "JournalPurged", null, null, null), null, 1)
                .getFirst();
        assertThat(purged.details()).containsEntry("removed", removed).containsEntry("through", (int) last);
        assertThat(journal.verify().valid()).isTrue();
        if (partitions.partitioned()) {
            // the month's table is gone; the purge's own entry, appended now, waits in the default partition
            assertThat(partitions.months()).doesNotContain(month);
            assertThat(partitionOf(purged.seq())).isEqualTo("journal_entry_default");

            partitions.prepare(month);

            // the month is back, the entry moved into it, the default partition empty
            assertThat(partitions.months()).contains(month);
            assertThat(partitionOf(purged.seq()))
                    .isEqualTo("journal_entry_" + month.toString().replace('-', '_'));
            assertThat(jdbc.sql("SELECT COUNT(*) FROM journal_entry_default")
                            .query(Long.class)
                            .single())
                    .isZero();
        }
        var verification = journal.verify(month);
        assertThat(verification.valid()).isTrue();
        assertThat(verification.checked()).isEqualTo(1); // the purge's entry, linked to the anchor
        var after = entries.record("after the purge");
        assertThat(journal.verify(month).checked()).isEqualTo(2);
        assertThat(journal.verify().valid()).isTrue();
        assertThat(after).isEqualTo(purged.seq() + 1);
    }

    @Test
    void verifyMonthWhenAnEntryOfItIsChangedOrTheLastOneRemovedThenTheBreakIsNamed() throws Exception {
        entries.record("before");
        var changed = entries.record("the entry a tamperer changes");
        var next = entries.record("after");
        var month = monthOf(changed);
        assertThat(journal.verify(month).valid()).isTrue();
        assertThat(journal.verify(month.minusMonths(1)).valid()).isTrue();

        entries.tampering(() -> {
            var original = entries.row(changed);
            jdbc.sql("UPDATE journal_entry SET details = ? WHERE seq = ?")
                    .params("{\"what\":\"nothing happened\"}", changed)
                    .update();
            var broken = journal.verify(month);
            assertThat(broken.valid()).isFalse();
            assertThat(broken.firstBroken()).isEqualTo(changed);
            assertThat(broken.month()).isEqualTo(month);
            jdbc.sql("UPDATE journal_entry SET details = ? WHERE seq = ?")
                    .params(original.get("details"), changed)
                    .update();
            assertThat(journal.verify(month).valid()).isTrue();

            // the chain's last entry removed: the month's walk ends before it, and names the missing place
            var row = entries.row(next);
            jdbc.sql("DELETE FROM journal_entry WHERE seq = ?").param(next).update();
            var missing = journal.verify(month);
            assertThat(missing.valid()).isFalse();
            assertThat(missing.firstBroken()).isEqualTo(next);
            entries.putBack(row);
        });
        assertThat(journal.verify(month).valid()).isTrue();
        assertThat(journal.verify().valid()).isTrue();
    }
}
