package org.guichet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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

    @TempDir
    Path directory;

    @Test
    void coldStartsUnderLoadWhenAgentsSignInAtOnceThenNoneHangs() throws Exception {
        var jar = Path.of(System.getProperty("guichet.jar", "target/guichet-0.1.0-SNAPSHOT.jar"));
        assertThat(jar).as("the packaged jar (run through ./mvnw verify)").isRegularFile();
        int runs = Integer.parseInt(System.getProperty("guichet.coldstart.runs", "3"));
        var out = Path.of("target", "cold-start");
        Files.createDirectories(out);

        var database = PackagedJarDatabase.create(directory, "coldstart");
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
}
