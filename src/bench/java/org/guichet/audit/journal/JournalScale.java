package org.guichet.audit.journal;

import com.zaxxer.hikari.HikariDataSource;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;

import java.util.Arrays;

import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.flywaydb.core.Flyway;
import org.guichet.audit.JournalQuery;
import org.guichet.platform.DisplayZone;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The journal at city scale ({@code bench/journal.sh scale}): a year of a city's journal (10 million entries by
 * default, about 60,000 agents, twelve monthly partitions) written as a valid chain on a throw-away PostgreSQL
 * database, then the searches a security officer and an agent make timed through Guichet's own classes, a month
 * verified alone and the whole chain, and the purge of the oldest month (a partition dropped) beside the same month
 * deleted row by row from a table of its own.
 */
public final class JournalScale {

    private static final int AGENTS = 60_000;
    private static final int MONTHS = 12;
    private static final int BATCH = 100_000;
    private static final String[] TYPES = {
        "SignedIn", "SignedIn", "SignedIn", "SignedIn", "SignedIn", "SignedIn", "SignedIn", "SignedIn", "SignedIn",
        "SignedIn", "PayslipOpened", "PayslipOpened", "PayslipOpened", "LeaveRequested", "LeaveRequested",
        "SignInFailed", "SignInFailed", "ServiceRefused", "PasswordChanged", "SecondFactorFailed"
    };
    private static final String[] CHANNELS = {"INTERNAL", "INTERNAL", "VPN", "NOMADIC"};

    private JournalScale() {}

    public static void main(String[] args) throws Exception {
        var entries = Long.parseLong(env("GUICHET_BENCH_ENTRIES", "10000000"));
        try (var dataSource = new HikariDataSource()) {
            dataSource.setJdbcUrl(env("GUICHET_BENCH_DB_URL", "jdbc:postgresql://127.0.0.1:5432/guichet_bench"));
            dataSource.setUsername(env("GUICHET_BENCH_DB_USER", "postgres"));
            dataSource.setMaximumPoolSize(4);
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration", "classpath:db/vendor/postgresql")
                    .load()
                    .migrate();
            var jdbc = JdbcClient.create(dataSource);
            var partitions = new JournalPartitions(jdbc, dataSource);
            var store = new JournalStore(jdbc, partitions);
            var writer = new JournalWriter(store, partitions, JsonMapper.builder().build());
            var verifier = new JournalVerifier(store);
            var transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));

            var current = YearMonth.now(DisplayZone.ZONE);
            var first = current.minusMonths(MONTHS - 1);
            for (var month = first; !month.isAfter(current); month = month.plusMonths(MONTHS_STEP)) {
                var prepared = month;
                transactions.executeWithoutResult(status -> partitions.prepare(prepared));
            }
            var started = System.nanoTime();
            fill(dataSource, jdbc, entries, JournalPartitions.start(first), Instant.now());
            System.out.printf(
                    "Written: %,d entries in %.0f s; journal_entry is %s on disk with its indexes%n",
                    entries,
                    (System.nanoTime() - started) / 1e9,
                    jdbc.sql("SELECT pg_size_pretty(SUM(pg_total_relation_size(c.oid))) FROM pg_inherits i"
                                    + " JOIN pg_class c ON c.oid = i.inhrelid"
                                    + " WHERE i.inhparent = 'journal_entry'::regclass")
                            .query(String.class)
                            .single());

            System.out.println("| what | runs | first (ms) | median (ms) | p95 (ms) | max (ms) | entries found |");
            System.out.println("|---|---|---|---|---|---|---|");
            var random = new SplittableRandom(7);
            var lastMonth = current.minusMonths(1);
            time("search by agent (the journal page: subject or actor, newest 100)", 30, () -> store.search(
                            JournalQuery.about(soi(random.nextInt(AGENTS))), null, 100)
                    .size());
            time("search by agent over one month (from, to)", 30, () -> store.search(
                            new JournalQuery(
                                    soi(random.nextInt(AGENTS)),
                                    null,
                                    lastMonth.atDay(1),
                                    lastMonth.atEndOfMonth(),
                                    null),
                            null,
                            100)
                    .size());
            time("search by type, a rare one (PasswordChanged, newest 100)", 10, () -> store.search(
                            new JournalQuery(null, "PasswordChanged", null, null, null), null, 100)
                    .size());
            time("search by agent and type (SignInFailed)", 30, () -> store.search(
                            new JournalQuery(soi(random.nextInt(AGENTS)), "SignInFailed", null, null, null), null, 100)
                    .size());
            time("search by one day, all agents (newest 100)", 10, () -> store.search(
                            new JournalQuery(
                                    null,
                                    null,
                                    LocalDate.now(DisplayZone.ZONE).minusDays(40),
                                    LocalDate.now(DisplayZone.ZONE).minusDays(40),
                                    null),
                            null,
                            100)
                    .size());
            time("my activity (an agent's newest 20 of the types they see)", 30, () -> store.activity(
                            soi(random.nextInt(AGENTS)), 20)
                    .size());
            explain(jdbc, soi(12_345));

            time("verification of one month", 2, () -> {
                var verification = verifier.verify(lastMonth);
                check(verification.valid(), "month " + lastMonth + " " + verification);
                return (int) verification.checked();
            });
            time("verification of the whole chain", 1, () -> {
                var verification = verifier.verify();
                check(verification.valid(), "chain " + verification);
                return (int) verification.checked();
            });

            // the purge: the oldest month dropped, beside the same number of rows deleted one by one
            var oldest = first.format(java.time.format.DateTimeFormatter.ofPattern("yyyy_MM"));
            jdbc.sql("CREATE TABLE journal_month_copy (LIKE journal_entry INCLUDING ALL)")
                    .update();
            jdbc.sql("INSERT INTO journal_month_copy SELECT * FROM journal_entry_" + oldest)
                    .update();
            jdbc.sql("CREATE TRIGGER journal_append_only BEFORE UPDATE OR DELETE ON journal_month_copy"
                            + " FOR EACH ROW EXECUTE FUNCTION journal_refuse_change()")
                    .update();
            jdbc.sql("VACUUM ANALYZE journal_month_copy").update();
            var wal = wal(jdbc);
            time("a month deleted row by row (the purge before partitions)", 1, () -> transactions.execute(status -> {
                partitions.allowRemoval(true);
                return jdbc.sql("DELETE FROM journal_month_copy").update();
            }));
            time("... and the VACUUM that gives its space back", 1, () -> jdbc.sql("VACUUM journal_month_copy")
                    .update());
            var deletedWal = wal(jdbc) - wal;
            wal = wal(jdbc);
            time("the purge of the oldest month (a partition dropped, the chain anchored)", 1, () -> transactions.execute(
                    status -> writer.purgeBefore(JournalPartitions.start(first.plusMonths(1)), Instant.now())));
            var droppedWal = wal(jdbc) - wal;
            System.out.printf(
                    "Write-ahead log written: %,d kB deleting the month row by row and vacuuming, %,d kB dropping it%n",
                    deletedWal / 1024,
                    droppedWal / 1024);
            time("verification of the whole chain after the purge", 1, () -> {
                var verification = verifier.verify();
                check(verification.valid(), "chain after purge " + verification);
                return (int) verification.checked();
            });
        }
    }

    private static final int MONTHS_STEP = JournalPartitions.MONTHS_AHEAD + 1;

    /** Writes the chain with COPY, spread evenly from the first instant to the last, and moves the head to its end. */
    private static void fill(HikariDataSource dataSource, JdbcClient jdbc, long entries, Instant from, Instant to)
            throws Exception {
        var step = Duration.between(from, to).toNanos() / entries;
        var random = new SplittableRandom(42);
        var previous = Chain.GENESIS;
        try (var connection = dataSource.getConnection()) {
            var copy = connection.unwrap(PGConnection.class).getCopyAPI();
            var rows = new StringBuilder();
            for (long seq = 1; seq <= entries; seq++) {
                var stored = from.plusNanos(step * seq).truncatedTo(ChronoUnit.MICROS);
                var at = stored.minusMillis(random.nextInt(2000));
                var type = TYPES[random.nextInt(TYPES.length)];
                var subject = soi(random.nextInt(AGENTS));
                var actor = random.nextInt(10) == 0 ? soi(random.nextInt(AGENTS)) : subject;
                var address = "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(256);
                var channel = CHANNELS[random.nextInt(CHANNELS.length)];
                var details = "{\"device\":\"Firefox · Windows\",\"session\":\"" + Long.toHexString(random.nextLong())
                        + "\"}";
                var hash = Chain.hash(previous, seq, at, type, actor, subject, address, channel, details);
                rows.append(seq)
                        .append('\t')
                        .append(at)
                        .append('\t')
                        .append(type)
                        .append('\t')
                        .append(actor)
                        .append('\t')
                        .append(subject)
                        .append('\t')
                        .append(address)
                        .append('\t')
                        .append(channel)
                        .append('\t')
                        .append(details)
                        .append('\t')
                        .append(previous)
                        .append('\t')
                        .append(hash)
                        .append('\t')
                        .append(stored)
                        .append('\n');
                previous = hash;
                if (seq % BATCH == 0 || seq == entries) {
                    copy.copyIn(
                            "COPY journal_entry (seq, at, type, actor, subject, address, channel, details, prev_hash,"
                                    + " hash, stored_at) FROM STDIN",
                            new StringReader(rows.toString()));
                    rows.setLength(0);
                    if (seq % (BATCH * 10) == 0) {
                        System.out.printf("  %,d entries%n", seq);
                    }
                }
            }
        }
        jdbc.sql("UPDATE journal_head SET last_seq = ?, last_hash = ? WHERE id = 1")
                .params(entries, previous)
                .update();
        jdbc.sql("VACUUM ANALYZE journal_entry").update();
    }

    /** Where PostgreSQL's write-ahead log is, in bytes. */
    private static long wal(JdbcClient jdbc) {
        return jdbc.sql("SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint")
                .query(Long.class)
                .single();
    }

    private static void explain(JdbcClient jdbc, String agent) {
        System.out.println("Plan of the search by agent:");
        jdbc.sql("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT seq FROM journal_entry WHERE (subject = ? OR actor = ?)"
                        + " ORDER BY seq DESC FETCH FIRST 100 ROWS ONLY")
                .params(agent, agent)
                .query(String.class)
                .list()
                .stream()
                .filter(line -> line.startsWith("Limit")
                        || line.contains("->  Sort")
                        || line.contains("->  Append")
                        || line.contains("->  Merge Append")
                        || line.contains("Time:"))
                .forEach(line -> System.out.println("    " + line));
    }

    private static void time(String what, int times, Callable<Integer> action) throws Exception {
        var millis = new double[times];
        var found = 0;
        for (var i = 0; i < times; i++) {
            var started = System.nanoTime();
            found = action.call();
            millis[i] = (System.nanoTime() - started) / 1e6;
        }
        var first = millis[0];
        var sorted = millis.clone();
        Arrays.sort(sorted);
        System.out.printf(
                "| %s | %d | %.1f | %.1f | %.1f | %.1f | %,d |%n",
                what,
                times,
                first,
                sorted[times / 2],
                sorted[Math.min(times - 1, (int) Math.ceil(times * 0.95) - 1)],
                sorted[times - 1],
                found);
    }

    private static void check(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException("Not as expected: " + what);
        }
    }

    private static String soi(int agent) {
        return Integer.toString(2_000_000 + agent);
    }

    private static String env(String name, String fallback) {
        var value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
