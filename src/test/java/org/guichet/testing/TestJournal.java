package org.guichet.testing;

import java.time.Clock;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.guichet.audit.Journal;
import org.guichet.audit.NewEntry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;

/**
 * The journal as its tests use it: entries of their own recorded, and what someone with the database in hand could do
 * to them (on PostgreSQL, with the append-only triggers switched off around it, as the database's owner can).
 */
public final class TestJournal {

    /** A change made with the database in hand. */
    @FunctionalInterface
    public interface Change {
        void make() throws Exception;
    }

    private final Journal journal;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final boolean postgres;

    public TestJournal(Journal journal, JdbcClient jdbc, Clock clock, DataSource dataSource) throws Exception {
        this.journal = journal;
        this.jdbc = jdbc;
        this.clock = clock;
        String product = JdbcUtils.extractDatabaseMetaData(dataSource, metaData -> metaData.getDatabaseProductName());
        this.postgres = "PostgreSQL".equalsIgnoreCase(product);
    }

    public boolean postgres() {
        return postgres;
    }

    /** Records an entry of the test's own (by the demo security officer, about a demo agent); returns its place. */
    public long record(String what) {
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

    /** Makes the change with the journal's triggers off (PostgreSQL), on again afterwards whatever happens. */
    public void tampering(Change change) throws Exception {
        if (postgres) {
            jdbc.sql("ALTER TABLE journal_entry DISABLE TRIGGER USER").update();
        }
        try {
            change.make();
        } finally {
            if (postgres) {
                jdbc.sql("ALTER TABLE journal_entry ENABLE TRIGGER USER").update();
            }
        }
    }

    /** An entry's row as it is stored, every column. */
    public Map<String, Object> row(long seq) {
        return jdbc.sql("SELECT * FROM journal_entry WHERE seq = ?")
                .param(seq)
                .query()
                .singleRow();
    }

    /** Puts back a row taken with {@link #row} and removed since. */
    public void putBack(Map<String, Object> row) {
        jdbc.sql("INSERT INTO journal_entry (" + String.join(", ", row.keySet()) + ") VALUES ("
                        + row.keySet().stream().map(column -> ":" + column).collect(Collectors.joining(", ")) + ")")
                .params(row)
                .update();
    }

    /**
     * The details of the journal's entries of this type about this agent, oldest first, once there is one (events are
     * journaled after their transaction commits).
     */
    public static String awaitDetails(JdbcClient jdbc, String type, String subject) {
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(10))
                .until(() -> !details(jdbc, type, subject).isEmpty());
        return details(jdbc, type, subject);
    }

    private static String details(JdbcClient jdbc, String type, String subject) {
        return String.join(
                "\n",
                jdbc.sql("SELECT details FROM journal_entry WHERE type = ? AND subject = ? ORDER BY seq")
                        .params(type, subject)
                        .query(String.class)
                        .list());
    }
}
