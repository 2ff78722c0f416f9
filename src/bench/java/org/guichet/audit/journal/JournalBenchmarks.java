package org.guichet.audit.journal;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.guichet.audit.Journal;
import org.guichet.audit.NewEntry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The journal on a real PostgreSQL database ({@code bench/journal.sh} makes a throw-away one): appending one entry in
 * its own transaction (the head row lock, one insert, one update), one writer at a time and eight at once (the chain
 * has one order, so appends queue on the head); and verifying the whole chain as it stands after them.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class JournalBenchmarks {

    private HikariDataSource dataSource;
    private JournalWriter writer;
    private JournalVerifier verifier;
    private TransactionTemplate transactions;
    private NewEntry entry;

    @Setup
    public void setUp() throws Exception {
        dataSource = new HikariDataSource();
        var url = System.getenv("GUICHET_BENCH_DB_URL");
        var user = System.getenv("GUICHET_BENCH_DB_USER");
        dataSource.setJdbcUrl(url != null ? url : "jdbc:postgresql://127.0.0.1:5432/guichet_bench");
        dataSource.setUsername(user != null ? user : "postgres");
        dataSource.setMaximumPoolSize(10);
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration", "classpath:db/vendor/postgresql")
                .load()
                .migrate();
        var json = JsonMapper.builder().build();
        var jdbc = JdbcClient.create(dataSource);
        var partitions = new JournalPartitions(jdbc, dataSource);
        var store = new JournalStore(jdbc, partitions);
        writer = new JournalWriter(store, partitions, json);
        verifier = new JournalVerifier(store);
        transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        entry = new NewEntry(
                Instant.parse("2026-11-30T08:00:00Z"),
                "SignedIn",
                "1000001",
                "1000001",
                "10.1.2.3",
                "INTERNAL",
                Map.of("device", "Firefox · Windows", "session", "3F2A9C41D0"),
                true);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        dataSource.close();
    }

    /** One entry appended, one writer at a time. */
    @Benchmark
    @Threads(1)
    public Long appendAlone() {
        return transactions.execute(status -> writer.append(entry));
    }

    /** One entry appended, eight writers at once (the throughput is theirs together). */
    @Benchmark
    @Threads(8)
    public Long appendEightAtOnce() {
        return transactions.execute(status -> writer.append(entry));
    }

    /** The whole chain verified (its length is printed by bench/journal.sh). */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 1)
    @Measurement(iterations = 3)
    public org.guichet.audit.JournalVerification verifyWholeChain() {
        var verification = transactions.execute(status -> verifier.verify());
        if (verification == null || !verification.valid()) {
            throw new IllegalStateException("The chain should verify: " + verification);
        }
        return verification;
    }
}
