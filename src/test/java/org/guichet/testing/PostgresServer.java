package org.guichet.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of a test's own, from Debian's packages ({@code /usr/lib/postgresql/<version>/bin}), in a
 * temporary directory, on a loopback port: one that a test may stop, restart or crash without touching the database
 * the other tests share. Run as the {@code postgres} system user when the tests run as root (PostgreSQL refuses
 * root). Trusts connections from 127.0.0.1 as {@code postgres}.
 */
public final class PostgresServer implements AutoCloseable {

    private final Path bin;
    private final Path data;
    private final Path log;
    private final boolean asPostgres;
    public final int port;

    private PostgresServer(Path bin, Path data, Path log, boolean asPostgres, int port) {
        this.bin = bin;
        this.data = data;
        this.log = log;
        this.asPostgres = asPostgres;
        this.port = port;
    }

    /** The newest installed PostgreSQL's programs, if any. */
    public static java.util.Optional<Path> installed() {
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(version -> version.resolve("bin"))
                    .filter(bin -> Files.isExecutable(bin.resolve("initdb")))
                    .max(Comparator.comparingInt(bin -> Integer.parseInt(
                            bin.getParent().getFileName().toString().replaceAll("\\D", "0"))));
        } catch (IOException none) {
            return java.util.Optional.empty();
        }
    }

    /** Makes a new cluster and starts it, with a database named {@code database}. */
    public static PostgresServer start(String database) throws IOException, InterruptedException {
        var bin = installed()
                .orElseThrow(() -> new IllegalStateException(
                        "PostgreSQL's programs are not installed (apt-get install postgresql): .ci/run installs them"));
        var directory = Files.createTempDirectory("guichet-postgres");
        var root = "root".equals(System.getProperty("user.name"));
        if (root) {
            run(List.of("chown", "postgres", directory.toString()), false);
        }
        var server = new PostgresServer(
                bin, directory.resolve("data"), directory.resolve("postgres.log"), root, FreePorts.next());
        server.as(List.of(
                bin.resolve("initdb").toString(),
                "-D",
                server.data.toString(),
                "-U",
                "postgres",
                "--auth=trust",
                "--no-sync",
                "-E",
                "UTF8"));
        server.startAgain();
        server.as(List.of(
                bin.resolve("createdb").toString(),
                "-h",
                "127.0.0.1",
                "-p",
                String.valueOf(server.port),
                "-U",
                "postgres",
                database));
        return server;
    }

    /** The JDBC address of a database of this server. */
    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Starts the server (again), waiting until it accepts connections. */
    public void startAgain() throws IOException, InterruptedException {
        as(List.of(
                bin.resolve("pg_ctl").toString(),
                "-D",
                data.toString(),
                "-l",
                log.toString(),
                "-w",
                "-o",
                "-p " + port + " -c listen_addresses=127.0.0.1 -k " + data + " -c fsync=off -c max_connections=60",
                "start"));
    }

    /** Stops the server: {@code fast} ends the sessions and checkpoints; {@code immediate} is a crash. */
    public void stop(String mode) throws IOException, InterruptedException {
        as(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-w", "-m", mode, "stop"));
    }

    private void as(List<String> command) throws IOException, InterruptedException {
        run(command, asPostgres);
    }

    private static void run(List<String> command, boolean asPostgres) throws IOException, InterruptedException {
        var full = new ArrayList<String>();
        if (asPostgres) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        var process = new ProcessBuilder(full).redirectErrorStream(true).start();
        var output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (Files.exists(data.resolve("postmaster.pid"))) {
            stop("immediate");
        }
    }
}
