package org.guichet.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import javax.sql.DataSource;
import org.guichet.testing.IntegrationTest;
import org.guichet.testing.TestJournal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The journal's chain: a changed or removed entry is found by the verification, which names it; PostgreSQL refuses to
 * change or remove entries at all. The retention purge and the months: JournalPartitionsTests.
 */
@IntegrationTest
class JournalChainTests {

    @Autowired
    Journal journal;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    Clock clock;

    TestJournal entries;

    @BeforeEach
    void setUp() throws Exception {
        entries = new TestJournal(journal, jdbc, clock, dataSource);
    }

    @Test
    void verifyWhenAnEntryIsChangedOrRemovedThenTheFirstBrokenEntryIsNamed() throws Exception {
        entries.record("before");
        var changed = entries.record("the entry a tamperer changes");
        entries.record("after");
        assertThat(journal.verify().valid()).isTrue();

        if (entries.postgres()) {
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
        }
        // what an owner of the database could still do: switch the triggers off
        entries.tampering(() -> {
            var original = entries.row(changed);
            jdbc.sql("UPDATE journal_entry SET details = ? WHERE seq = ?")
                    .params("{\"what\":\"nothing happened\"}", changed)
                    .update();
            var broken = journal.verify();
            assertThat(broken.valid()).isFalse();
            assertThat(broken.firstBroken()).isEqualTo(changed);
            jdbc.sql("UPDATE journal_entry SET details = ? WHERE seq = ?")
                    .params(original.get("details"), changed)
                    .update();
            assertThat(journal.verify().valid()).isTrue();

            jdbc.sql("DELETE FROM journal_entry WHERE seq = ?").param(changed).update();
            var removed = journal.verify();
            assertThat(removed.valid()).isFalse();
            assertThat(removed.firstBroken()).isEqualTo(changed);
            entries.putBack(original);
        });
        assertThat(journal.verify().valid()).isTrue();
    }

    @Test
    void verifyWhenTheLatestEntryIsRemovedThenItIsNamed() throws Exception {
        var last = entries.record("the latest");
        entries.tampering(() -> {
            var row = entries.row(last);
            jdbc.sql("DELETE FROM journal_entry WHERE seq = ?").param(last).update();
            var verification = journal.verify();
            assertThat(verification.valid()).isFalse();
            assertThat(verification.firstBroken()).isLessThanOrEqualTo(last);
            entries.putBack(row);
        });
        assertThat(journal.verify().valid()).isTrue();
    }
}
