package org.guichet.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.Map;
import javax.sql.DataSource;
import org.guichet.audit.journal.JournalWriter;
import org.guichet.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;

/**
 * The journal's chain: a changed or removed entry is found by the verification, which names it; PostgreSQL refuses to
 * change or remove entries at all; the retention purge keeps the rest verifiable.
 */
@IntegrationTest
class JournalChainTests {

    @Autowired
    Journal journal;

    @Autowired
    JournalWriter writer;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    Clock clock;

    private long record(String what) {
        return journal.record(new NewEntry(
                clock.instant(),
                "TestAction",
                "1000005",
                "1000007",
                "10.1.2.3",
                "INTERNAL",
                Map.of("what", what),
                false));
    }

    private boolean postgres() throws Exception {
        String product = JdbcUtils.extractDatabaseMetaData(dataSource, metaData -> metaData.getDatabaseProductName());
        return "PostgreSQL".equalsIgnoreCase(product);
    }

    @Test
    void verifyWhenAnEntryIsChangedOrRemovedThenTheFirstBrokenEntryIsNamed() throws Exception {
        record("before");
        var changed = record("the entry a tamperer changes");
        record("after");
        assertThat(journal.verify().valid()).isTrue();

        var postgres = postgres();
        if (postgres) {
            assertThatThrownBy(() -> jdbc.sql("UPDATE journal_entry SET details = '{}' WHERE seq = ?")
                            .param(changed)
                            .update())
                    .isInstanceOf(DataAccessException.class)
                    .rootCause()
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> jdbc.sql("DELETE FROM journal_entry WHERE seq = ?")
                            .param(changed)
                            .update())
                    .isInstanceOf(DataAccessException.class)
                    .rootCause()
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> jdbc.sql("TRUNCATE journal_entry").update())
                    .isInstanceOf(DataAccessException.class)
                    .rootCause()
                    .hasMessageContaining("append-only");
            // what an owner of the database could still do: switch the trigger off
            jdbc.sql("ALTER TABLE journal_entry DISABLE TRIGGER journal_append_only")
                    .update();
        }
        try {
            var original = jdbc.sql("SELECT details FROM journal_entry WHERE seq = ?")
                    .param(changed)
                    .query(String.class)
                    .single();
            jdbc.sql("UPDATE journal_entry SET details = ? WHERE seq = ?")
                    .params("{\"what\":\"nothing happened\"}", changed)
                    .update();
            var broken = journal.verify();
            assertThat(broken.valid()).isFalse();
            assertThat(broken.firstBroken()).isEqualTo(changed);
            jdbc.sql("UPDATE journal_entry SET details = ? WHERE seq = ?")
                    .params(original, changed)
                    .update();
            assertThat(journal.verify().valid()).isTrue();

            var row = jdbc.sql("SELECT * FROM journal_entry WHERE seq = ?")
                    .param(changed)
                    .query()
                    .singleRow();
            jdbc.sql("DELETE FROM journal_entry WHERE seq = ?").param(changed).update();
            var removed = journal.verify();
            assertThat(removed.valid()).isFalse();
            assertThat(removed.firstBroken()).isEqualTo(changed);
            jdbc.sql("INSERT INTO journal_entry (seq, at, type, actor, subject, address, channel, details, prev_hash,"
                            + " hash) VALUES (:seq, :at, :type, :actor, :subject, :address, :channel, :details,"
                            + " :prev_hash, :hash)")
                    .params(row)
                    .update();
            assertThat(journal.verify().valid()).isTrue();
        } finally {
            if (postgres) {
                jdbc.sql("ALTER TABLE journal_entry ENABLE TRIGGER journal_append_only")
                        .update();
            }
        }
    }

    @Test
    void verifyWhenTheLatestEntryIsRemovedThenItIsNamed() throws Exception {
        var last = record("the latest");
        var postgres = postgres();
        if (postgres) {
            jdbc.sql("ALTER TABLE journal_entry DISABLE TRIGGER journal_append_only")
                    .update();
        }
        try {
            var row = jdbc.sql("SELECT * FROM journal_entry WHERE seq = ?")
                    .param(last)
                    .query()
                    .singleRow();
            jdbc.sql("DELETE FROM journal_entry WHERE seq = ?").param(last).update();
            var verification = journal.verify();
            assertThat(verification.valid()).isFalse();
            assertThat(verification.firstBroken()).isLessThanOrEqualTo(last);
            jdbc.sql("INSERT INTO journal_entry (seq, at, type, actor, subject, address, channel, details, prev_hash,"
                            + " hash) VALUES (:seq, :at, :type, :actor, :subject, :address, :channel, :details,"
                            + " :prev_hash, :hash)")
                    .params(row)
                    .update();
        } finally {
            if (postgres) {
                jdbc.sql("ALTER TABLE journal_entry ENABLE TRIGGER journal_append_only")
                        .update();
            }
        }
        assertThat(journal.verify().valid()).isTrue();
    }

    @Test
    void purgeWhenEntriesAreOlderThanTheRetentionThenTheyGoAndTheChainStaysVerifiable() {
        record("old enough to go");
        var cutoff = clock.instant().plusSeconds(1);
        var removed = writer.purgeBefore(cutoff, cutoff);
        assertThat(removed).isPositive();
        var verification = journal.verify();
        assertThat(verification.valid()).isTrue();
        assertThat(journal.search(new JournalQuery(null, "JournalPurged", null, null, null), null, 1))
                .singleElement()
                .satisfies(entry -> assertThat(entry.details()).containsEntry("removed", removed));
        record("after the purge");
        assertThat(journal.verify().valid()).isTrue();
    }
}
