package org.guichet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar, restarted under load: each run is a cold JVM on the same database, given eight concurrent
 * browser sign-ins and page views as soon as it answers, and must keep completing requests (see {@link
 * ColdStartUnderLoad}). On PostgreSQL when {@code GUICHET_TEST_DB_URL} points at one (in a database of its own,
 * created next to it and dropped after), else on an embedded H2 file. {@code -Dguichet.coldstart.runs=N} sets the
 * number of runs (3 in {@code ./mvnw verify}); a hang leaves the node's thread dumps in {@code target/cold-start/}.
 */
class ColdStartUnderLoadIT {

    private static final Pattern POSTGRESQL = Pattern.compile("(jdbc:postgresql://[^/]+/)([^?]+)(.*)");

    @TempDir
    Path directory;

    @Test
    void coldStartsUnderLoadWhenAgentsSignInAtOnceThenNoneHangs() throws Exception {
        var jar = Path.of(System.getProperty("guichet.jar", "target/guichet-0.1.0-SNAPSHOT.jar"));
        assertThat(jar).as("the packaged jar (run through ./mvnw verify)").isRegularFile();
        int runs = Integer.parseInt(System.getProperty("guichet.coldstart.runs", "3"));
        var out = Path.of("target", "cold-start");
        Files.createDirectories(out);

        var database = Database.forThisTest(directory);
        try {
            var result = new ColdStartUnderLoad(new ColdStartUnderLoad.Options(
                            jar.toAbsolutePath(),
                            runs,
                            8,
                            Duration.ofSeconds(10),
                            Duration.ofSeconds(10),
                            Duration.ofMinutes(3),
                            out.toAbsolutePath(),
                            database.environment(),
                            List.of(),
                            false))
                    .runAll();

            assertThat(result.notStarted()).as(result.summary()).isZero();
            assertThat(result.hung())
                    .as(result.summary() + "; thread dumps in " + out.toAbsolutePath())
                    .isZero();
            assertThat(result.runs())
                    .as("every run signed agents in and served their pages")
                    .allSatisfy(run ->
                            assertThat(run.statuses().getOrDefault(200, 0L)).isGreaterThan(100));
        } finally {
            database.drop();
        }
    }

    /** Where the runs keep their data: a PostgreSQL database of their own, or an H2 file. */
    private record Database(Map<String, String> environment, Runnable dropper) {

        static Database forThisTest(Path directory) throws SQLException {
            var url = System.getenv("GUICHET_TEST_DB_URL");
            var matcher = url == null ? null : POSTGRESQL.matcher(url);
            if (matcher == null || !matcher.matches()) {
                return new Database(
                        Map.of(
                                "GUICHET_DB_URL",
                                "jdbc:h2:file:" + directory.resolve("guichet").toAbsolutePath()
                                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"),
                        () -> {});
            }
            var user = System.getenv().getOrDefault("GUICHET_TEST_DB_USER", "postgres");
            var password = System.getenv().getOrDefault("GUICHET_TEST_DB_PASSWORD", "");
            var name = matcher.group(2) + "_coldstart";
            Runnable drop = () -> execute(url, user, password, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            drop.run();
            execute(url, user, password, "CREATE DATABASE " + name);
            var environment = new HashMap<String, String>();
            environment.put("GUICHET_DB_URL", matcher.group(1) + name + matcher.group(3));
            environment.put("GUICHET_DB_USER", user);
            environment.put("GUICHET_DB_PASSWORD", password);
            return new Database(environment, drop);
        }

        private static void execute(String url, String user, String password, String sql) {
            try (var connection = DriverManager.getConnection(url, user, password);
                    var statement = connection.createStatement()) {
                statement.execute(sql);
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot run " + sql + " on " + url + ": " + e.getMessage(), e);
            }
        }

        void drop() {
            dropper.run();
        }
    }
}
