package org.guichet.testing;

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
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Several Guichet nodes, each a process of its own (the application as the tests compiled it, on their class path),
 * on one PostgreSQL database, behind a real HAProxy from Debian's packages: round robin, no sticky session, a node
 * taken out when its readiness probe fails. Each answer names the node that gave it ({@code X-Guichet-Node: n1}).
 * A node can be killed ({@code kill -9}), stopped as an operator does ({@code SIGTERM}) and started again; so can the
 * database, a PostgreSQL server of the cluster's own ({@link PostgresServer}), with the demo organisation.
 */
public final class Cluster implements AutoCloseable {

    private static final Path HAPROXY = Path.of("/usr/sbin/haproxy");
    private static final Duration READY_WITHIN = Duration.ofSeconds(150);

    private final PostgresServer database;
    private final String url;
    private final Path directory;
    private final List<Node> nodes = new ArrayList<>();
    private @Nullable Process balancer;
    public final int port;

    /** One node: its port, its process when it runs. */
    public static final class Node {
        public final String name;
        public final int port;
        private @Nullable Process process;

        Node(String name, int port) {
            this.name = name;
            this.port = port;
        }

        public boolean running() {
            return process != null && process.isAlive();
        }
    }

    private Cluster(PostgresServer database, Path directory, int port) {
        this.database = database;
        this.url = database.url("guichet");
        this.directory = directory;
        this.port = port;
    }

    /** Starts {@code count} nodes (the first alone: it migrates the schema and loads the demo), then the balancer. */
    public static Cluster start(int count) throws IOException, InterruptedException {
        if (!Files.isExecutable(HAPROXY)) {
            throw new IllegalStateException("HAProxy is not installed (apt-get install haproxy): .ci/run installs it");
        }
        var cluster = new Cluster(
                PostgresServer.start("guichet"), Files.createTempDirectory("guichet-cluster"), FreePorts.next());
        try {
            for (int i = 1; i <= count; i++) {
                cluster.nodes.add(new Node("n" + i, FreePorts.next()));
            }
            cluster.launch(cluster.nodes.getFirst());
            cluster.awaitReady(cluster.nodes.getFirst());
            for (var node : cluster.nodes.subList(1, count)) {
                cluster.launch(node);
            }
            for (var node : cluster.nodes.subList(1, count)) {
                cluster.awaitReady(node);
            }
            cluster.startBalancer();
            return cluster;
        } catch (IOException | InterruptedException | RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    public List<Node> nodes() {
        return List.copyOf(nodes);
    }

    public Node node(String name) {
        return nodes.stream()
                .filter(node -> node.name.equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no node " + name));
    }

    /** A browser of the portal through the balancer, coming from this address (the channel it signs in on). */
    public HttpAgent browser(String forwardedFor) {
        return new HttpAgent(port, forwardedFor);
    }

    /** The cluster's database, for what a test checks or prepares there (a connection each time). */
    public JdbcClient jdbc() {
        return JdbcClient.create(new DriverManagerDataSource(url, "postgres", ""));
    }

    /** The cluster's PostgreSQL server, for a test that stops or crashes it. */
    public PostgresServer database() {
        return database;
    }

    /** {@code kill -9}: the node stops at once, mid-request, its memory lost. */
    public void kill(Node node) throws InterruptedException {
        var process = Objects.requireNonNull(node.process, node.name + " is not running");
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** {@code SIGTERM}, as an operator or an orchestrator stops a node: it finishes what it was doing, then stops. */
    public void stop(Node node) throws InterruptedException {
        var process = Objects.requireNonNull(node.process, node.name + " is not running");
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(node.name + " did not stop within 60 s of SIGTERM");
        }
    }

    /** Starts the node again and waits until it is ready (and so back in the balancer's round). */
    public void restart(Node node) throws IOException, InterruptedException {
        if (node.running()) {
            throw new IllegalStateException(node.name + " is running");
        }
        launch(node);
        awaitReady(node);
        awaitInBalancer();
    }

    /** Starts again every node that is not running. */
    public void heal() throws IOException, InterruptedException {
        for (var node : nodes) {
            if (!node.running()) {
                restart(node);
            }
        }
    }

    /** What the node wrote (its log), for a failure's message. */
    public String log(Node node) throws IOException {
        var log = directory.resolve(node.name + ".log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    private void launch(Node node) throws IOException {
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var command = new ArrayList<>(List.of(
                java,
                "-Xmx512m",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                "org.guichet.GuichetApplication",
                "--spring.profiles.active=test,demo",
                "--server.port=" + node.port,
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--spring.datasource.hikari.maximum-pool-size=8",
                "--spring.main.banner-mode=off",
                // events whose listener failed (the database gone mid-flow) or whose node died before its listeners
                // ran are completed by the registry within seconds here (minutes in production: application.yml)
                "--guichet.events.resubmit-every=PT5S",
                "--spring.modulith.events.staleness.published=PT10S",
                "--spring.modulith.events.staleness.processing=PT10S",
                "--spring.modulith.events.staleness.check-interval=PT5S",
                "--logging.level.root=WARN",
                "--logging.level.org.guichet=INFO"));
        node.process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        directory.resolve(node.name + ".log").toFile()))
                .start();
    }

    private void awaitReady(Node node) throws IOException, InterruptedException {
        var client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        var probe = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.port + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(2))
                .build();
        var deadline = Instant.now().plus(READY_WITHIN);
        while (Instant.now().isBefore(deadline)) {
            var process = Objects.requireNonNull(node.process);
            if (!process.isAlive()) {
                throw new IllegalStateException(node.name + " stopped while starting:\n" + tail(node));
            }
            try {
                if (client.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(node.name + " not ready within " + READY_WITHIN + ":\n" + tail(node));
    }

    /** Waits until the balancer's health checks have seen every running node ready (two checks of 300 ms). */
    private void awaitInBalancer() throws InterruptedException {
        Thread.sleep(1_000);
    }

    private String tail(Node node) throws IOException {
        var lines = log(node).lines().toList();
        return lines.subList(Math.max(0, lines.size() - 40), lines.size()).stream()
                .collect(Collectors.joining("\n"));
    }

    private void startBalancer() throws IOException, InterruptedException {
        // the shipped configuration, with this cluster's addresses, health checks every 300 ms, and the answering
        // node named in each answer
        var servers = nodes.stream()
                .map(node -> "    server %s 127.0.0.1:%d check".formatted(node.name, node.port))
                .collect(Collectors.joining("\n"));
        var configuration = Files.readString(Path.of("deploy/haproxy/guichet.cfg"))
                        .replaceAll("(?m)^    bind .*$", "    bind 127.0.0.1:" + port)
                        .replaceAll("(?m)^    server .*\\R?", "")
                        .replace("default-server inter 1s", "default-server inter 300ms")
                        .replace("backend nodes\n", "backend nodes\n    http-response set-header X-Guichet-Node %s\n")
                + servers + "\n";
        Files.writeString(directory.resolve("haproxy.cfg"), configuration);
        balancer = new ProcessBuilder(
                        HAPROXY.toString(),
                        "-db",
                        "-f",
                        directory.resolve("haproxy.cfg").toString())
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("haproxy.log").toFile())
                .start();
        ServerProcesses.awaitListening(balancer, port, directory.resolve("haproxy.log"), "HAProxy");
        awaitInBalancer();
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (balancer != null) {
            ServerProcesses.stop(balancer);
        }
        for (var node : nodes) {
            if (node.running()) {
                Objects.requireNonNull(node.process).destroyForcibly();
                node.process.waitFor(10, TimeUnit.SECONDS);
            }
        }
        database.close();
    }
}
