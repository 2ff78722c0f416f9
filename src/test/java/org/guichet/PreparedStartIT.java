package org.guichet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar carries the beans Spring's AOT processing prepared for the production configuration (the prod
 * profile with a mail server). Started in AOT mode ({@code -Dspring.aot.enabled=true}) with that configuration, it
 * uses them; with any other (another profile, a setting that removes a bean), it says how the configuration differs
 * and starts as it would without AOT — never with the beans of another configuration.
 */
class PreparedStartIT {

    private static final Path JAR = Path.of(System.getProperty("guichet.jar", "target/guichet-0.1.0-SNAPSHOT.jar"))
            .toAbsolutePath();

    private static final Path OUT = Path.of("target", "prepared-start").toAbsolutePath();

    @TempDir
    static Path directory;

    static PackagedJarDatabase database;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @BeforeAll
    static void database() throws Exception {
        assertThat(JAR).as("the packaged jar (run through ./mvnw verify)").isRegularFile();
        Files.createDirectories(OUT);
        database = PackagedJarDatabase.create(directory, "prepared");
    }

    @AfterAll
    static void drop() {
        database.drop();
    }

    /** The README's production start: the prod profile, its keys and address, a mail server. */
    private static Map<String, String> production() {
        var environment = new HashMap<>(database.environment());
        environment.put("SPRING_PROFILES_ACTIVE", "prod");
        environment.put("GUICHET_TOTP_KEY", key());
        environment.put("GUICHET_SSO_KEY", key());
        environment.put("GUICHET_PUBLIC_URL", "https://guichet.test");
        environment.put("SPRING_MAIL_HOST", "127.0.0.1");
        environment.put("GUICHET_LOG_FORMAT", "");
        return environment;
    }

    private static String key() {
        return Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
    }

    @Test
    void theProductionConfigurationStartsWithThePreparedBeansAndServes() throws Exception {
        try (var node = Node.start("production", production(), List.of())) {
            assertThat(node.awaitStatus(http, "/login")).as(node.describe()).isEqualTo(200);
            assertThat(node.status(http, "/api/v1/me")).as("no session").isEqualTo(401);
            assertThat(node.log())
                    .contains("Starting AOT-processed GuichetApplication")
                    .contains("Starting with the beans prepared ahead of time")
                    .doesNotContain("Starting without the beans prepared ahead of time");
        }
    }

    @Test
    void theDemoProfileStartsWithoutThePreparedBeansAsTheDemo() throws Exception {
        var environment = production();
        environment.put("SPRING_PROFILES_ACTIVE", "demo");
        environment.put("GUICHET_DB_URL", PackagedJarDatabase.h2(directory.resolve("demo")));
        try (var node = Node.start("demo", environment, List.of())) {
            assertThat(node.awaitStatus(http, "/login")).as(node.describe()).isEqualTo(200);
            // a bean of the demo profile alone: the prepared beans (prod) were not used, nor were prod and demo both
            assertThat(node.status(http, "/dev/outbox")).as(node.describe()).isEqualTo(200);
            assertThat(node.log())
                    .contains("Starting without the beans prepared ahead of time")
                    .contains("profiles [demo] where the jar was prepared for [prod]")
                    .doesNotContain("Starting AOT-processed");
        }
    }

    @Test
    void aSettingThatRemovesABeanStartsWithoutThePreparedBeansAndNamesIt() throws Exception {
        var environment = production();
        environment.put("GUICHET_WATCHDOG_ENABLED", "false");
        try (var node = Node.start("setting", environment, List.of("-Dspring.context.exit=onRefresh"))) {
            assertThat(node.awaitExit()).as(node.describe()).isZero();
            assertThat(node.log())
                    .contains("Starting without the beans prepared ahead of time")
                    .contains("org.guichet.platform.web.WatchdogConfiguration: prepared with it")
                    .contains("guichet.watchdog.enabled")
                    .doesNotContain("Starting AOT-processed");
        }
    }

    /** The jar started in AOT mode on a free loopback port, its output in {@code target/prepared-start/NAME.log}. */
    private record Node(String name, Process process, int port, Path logFile) implements AutoCloseable {

        static Node start(String name, Map<String, String> environment, List<String> options) throws IOException {
            int port = org.guichet.testing.FreePorts.next();
            var logFile = OUT.resolve(name + ".log");
            var command = new ArrayList<String>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.add("-Dspring.aot.enabled=true");
            command.addAll(options);
            command.addAll(List.of("-jar", JAR.toString(), "--server.port=" + port));
            var builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(logFile.toFile())
                    .directory(directory.toFile());
            builder.environment().keySet().removeIf(key -> key.startsWith("SPRING_") || key.startsWith("GUICHET_"));
            builder.environment().putAll(environment);
            return new Node(name, builder.start(), port, logFile);
        }

        int status(HttpClient http, String path) throws IOException, InterruptedException {
            var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(10))
                    .build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        }

        /** The first answer to the path once the node answers at all (3 minutes at most), or -1. */
        int awaitStatus(HttpClient http, String path) throws InterruptedException {
            var deadline = Instant.now().plus(Duration.ofMinutes(3));
            while (Instant.now().isBefore(deadline) && process.isAlive()) {
                try {
                    return status(http, path);
                } catch (IOException notYet) {
                    Thread.sleep(200);
                }
            }
            return -1;
        }

        int awaitExit() throws InterruptedException {
            return process.waitFor(3, TimeUnit.MINUTES) ? process.exitValue() : -1;
        }

        String log() throws IOException {
            return Files.readString(logFile);
        }

        String describe() {
            return name + "'s output in " + logFile;
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
