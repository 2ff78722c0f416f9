package org.guichet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs Guichet's real entry point in its own JVM, as an operator would ({@code java -jar guichet.jar generate …},
 * then {@code import …}), on a fresh embedded database, and checks the exit codes and output.
 */
class CommandLineProcessTests {

    @TempDir
    Path directory;

    record Run(int exitCode, String output) {}

    private Run guichet(String... arguments) throws IOException, InterruptedException {
        return guichet(Map.of(), arguments);
    }

    private Run guichet(Map<String, String> environment, String... arguments) throws IOException, InterruptedException {
        var command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                GuichetApplication.class.getName()));
        command.addAll(List.of(arguments));
        var builder = new ProcessBuilder(command).redirectErrorStream(true).directory(directory.toFile());
        builder.environment()
                .put(
                        "GUICHET_DB_URL",
                        "jdbc:h2:file:" + directory.resolve("db") + ";MODE=PostgreSQL;"
                                + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        builder.environment().remove("SPRING_PROFILES_ACTIVE");
        builder.environment().remove("GUICHET_LOG_FORMAT");
        builder.environment().putAll(environment);
        var process = builder.start();
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS))
                .as("command finished")
                .isTrue();
        return new Run(process.exitValue(), output);
    }

    @Test
    void generateThenImportFromTheCommandLine() throws Exception {
        var generated = guichet("generate", "--agents=300", "--seed=5", "--out=synthetic");
        assertThat(generated.exitCode()).as(generated.output()).isZero();
        assertThat(generated.output()).contains("300 agents");

        var imported = guichet("import", "--lang=en", "synthetic/agents.csv", "synthetic/departments.csv");

        assertThat(imported.exitCode()).as(imported.output()).isZero();
        assertThat(imported.output()).contains("agents.csv: 300 rows, 300 created, 0 updated, 0 unchanged, 0 refused");
        assertThat(imported.output()).doesNotContain("Tomcat started", " INFO ");
    }

    @Test
    void logFormatWhenEcsThenOneJsonObjectPerLine() throws Exception {
        var run = guichet(
                Map.of("GUICHET_LOG_FORMAT", "ecs"),
                "generate",
                "--agents=20",
                "--out=json-logs",
                "--logging.level.root=INFO");

        assertThat(run.exitCode()).as(run.output()).isZero();
        var logLines = run.output().lines().filter(line -> line.startsWith("{")).toList();
        assertThat(logLines).as(run.output()).isNotEmpty();
        assertThat(logLines).allSatisfy(line -> assertThat(line).contains("\"@timestamp\"", "\"log\":{\"level\""));
    }

    /** What production requires besides the database, so that a test reaches what it is about. */
    private static final Map<String, String> PRODUCTION = Map.of(
            "GUICHET_TOTP_KEY",
            "cHJvZHVjdGlvbi1rZXktZm9yLWEtdGVzdC0zMi1ieXQ=",
            "GUICHET_PUBLIC_URL",
            "https://guichet.test");

    @Test
    void startWhenProdWithoutEncryptionKeyThenRefusedNamingIt() throws Exception {
        var run = guichet(
                Map.of("GUICHET_PUBLIC_URL", "https://guichet.test"),
                "--spring.profiles.active=prod",
                "--server.port=0");

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.output()).contains("GUICHET_TOTP_KEY");
    }

    @Test
    void startWhenDemoWithProdThenRefused() throws Exception {
        var run = guichet(PRODUCTION, "--spring.profiles.active=demo,prod", "--server.port=0");

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.output()).contains("must never run with the prod profile");
        assertThat(run.output()).doesNotContain("Demo organisation loaded");
    }

    @Test
    void unknownCommandThenUsageAndExitCode2() throws Exception {
        var run = guichet("imprt", "agents.csv");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.output()).contains("Unknown command: imprt", "import <departments.csv|agents.csv>");
    }
}
