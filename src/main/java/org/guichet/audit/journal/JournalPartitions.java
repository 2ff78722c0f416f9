package org.guichet.audit.journal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.guichet.platform.DisplayZone;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The journal's monthly partitions on PostgreSQL (db/vendor/postgresql/V2026.12.06.50__journal_partitions.sql): one
 * table a month of {@code stored_at} in the administration's zone, created ahead, and dropped whole by the retention
 * purge. H2 keeps one table: nothing to create, nothing to drop.
 */
@Repository
class JournalPartitions {

    /** How many months after the current one are created ahead. */
    static final int MONTHS_AHEAD = 2;

    private static final String PREFIX = "journal_entry_";
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("'" + PREFIX + "'yyyy_MM");
    private static final DateTimeFormatter BOUND = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ssxxx");

    private final JdbcClient jdbc;
    private final boolean partitioned;

    JournalPartitions(JdbcClient jdbc, DataSource dataSource) throws Exception {
        this.jdbc = jdbc;
        String product = JdbcUtils.extractDatabaseMetaData(dataSource, metaData -> metaData.getDatabaseProductName());
        this.partitioned = "PostgreSQL".equalsIgnoreCase(product);
    }

    boolean partitioned() {
        return partitioned;
    }

    /** The month (in the administration's zone) an instant belongs to. */
    static YearMonth monthOf(Instant at) {
        return YearMonth.from(at.atZone(DisplayZone.ZONE));
    }

    /** When a month starts, in the administration's zone. */
    static Instant start(YearMonth month) {
        return month.atDay(1).atStartOfDay(DisplayZone.ZONE).toInstant();
    }

    /** The months that have their own partition, oldest first. */
    List<YearMonth> months() {
        if (!partitioned) {
            return List.of();
        }
        var months = new ArrayList<YearMonth>();
        for (var name : jdbc.sql("SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid"
                        + " WHERE i.inhparent = 'journal_entry'::regclass ORDER BY c.relname")
                .query(String.class)
                .list()) {
            if (name.matches(PREFIX + "\\d{4}_\\d{2}")) {
                months.add(YearMonth.parse(name, NAME));
            }
        }
        return months;
    }

    /**
     * Creates the partitions of this month and the ones ahead, where missing. Creating a partition locks the whole
     * journal for a moment: it waits at most 2 s for searches in progress (and the appends queued behind it with
     * them), else fails, to be tried again the next night; the months are made two ahead for that.
     */
    @Transactional
    public void prepare(YearMonth current) {
        if (partitioned) {
            jdbc.sql("SELECT set_config('lock_timeout', '2s', true)").query().singleValue();
        }
        for (var month = current; !month.isAfter(current.plusMonths(MONTHS_AHEAD)); month = month.plusMonths(1)) {
            create(month);
        }
    }

    /**
     * Creates a month's partition if it is missing. The entries of that month already appended (to the default
     * partition, when no one created the month in time) move into it, appends waiting meanwhile. One node at a time.
     */
    private void create(YearMonth month) {
        if (!partitioned) {
            return;
        }
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('journal_entry partitions'))")
                .query(rs -> {});
        var name = month.format(NAME);
        var exists = jdbc.sql("SELECT to_regclass(?) IS NOT NULL")
                .param(name)
                .query(Boolean.class)
                .single();
        if (exists) {
            return;
        }
        var from = start(month);
        var to = start(month.plusMonths(1));
        var bounds = " FOR VALUES FROM ('" + bound(from) + "') TO ('" + bound(to) + "')";
        jdbc.sql("SELECT last_seq FROM journal_head WHERE id = 1 FOR UPDATE")
                .query(Long.class)
                .single();
        var waiting = jdbc.sql(
                        "SELECT EXISTS (SELECT 1 FROM journal_entry_default WHERE stored_at >= ? AND stored_at < ?)")
                .params(Timestamp.from(from), Timestamp.from(to))
                .query(Boolean.class)
                .single();
        if (!waiting) {
            jdbc.sql("CREATE TABLE " + name + " PARTITION OF journal_entry" + bounds)
                    .update();
            return;
        }
        jdbc.sql("CREATE TABLE " + name + " (LIKE journal_entry INCLUDING DEFAULTS)")
                .update();
        jdbc.sql("INSERT INTO " + name + " SELECT * FROM journal_entry_default WHERE stored_at >= ? AND stored_at < ?")
                .params(Timestamp.from(from), Timestamp.from(to))
                .update();
        allowRemoval(true);
        jdbc.sql("DELETE FROM journal_entry_default WHERE stored_at >= ? AND stored_at < ?")
                .params(Timestamp.from(from), Timestamp.from(to))
                .update();
        allowRemoval(false);
        jdbc.sql("ALTER TABLE journal_entry ATTACH PARTITION " + name + bounds).update();
    }

    /**
     * Drops the months that end by the cutoff and hold nothing after this place of the chain (an entry after it, which
     * a clock set back could have put there, keeps its month: its older entries are then deleted row by row); returns
     * how many entries went. In the purge's transaction, which holds the head: waits at most 5 s for searches in
     * progress, or fails to be tried again the next night.
     */
    int dropBefore(Instant cutoff, long throughSeq) {
        if (!partitioned) {
            return 0;
        }
        jdbc.sql("SELECT set_config('lock_timeout', '5s', true)").query().singleValue();
        var removed = 0;
        for (var month : months()) {
            if (start(month.plusMonths(1)).isAfter(cutoff)) {
                continue;
            }
            var name = month.format(NAME);
            var contents = jdbc.sql("SELECT COUNT(*), COALESCE(MAX(seq), 0) FROM " + name)
                    .query((rs, row) -> new long[] {rs.getLong(1), rs.getLong(2)})
                    .single();
            if (contents[1] <= throughSeq) {
                jdbc.sql("DROP TABLE " + name).update();
                removed += (int) contents[0];
            }
        }
        return removed;
    }

    /** Lets this transaction delete journal entries (the append-only trigger's one exception), or no longer. */
    void allowRemoval(boolean allowed) {
        if (!partitioned) {
            return;
        }
        jdbc.sql("SELECT set_config('guichet.journal_purge', ?, true)")
                .param(allowed ? "on" : "off")
                .query()
                .singleValue();
    }

    private static String bound(Instant instant) {
        return BOUND.format(instant.atZone(DisplayZone.ZONE));
    }
}
