package org.guichet.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A real Caddy from Debian's packages, started by a test on a loopback port with the shipped configuration ({@code
 * deploy/caddy/Caddyfile}, its texts replaced: ports, upstreams, host names), stopped with the test.
 */
public final class Caddy implements AutoCloseable {

    private static final Path BINARY = Path.of("/usr/bin/caddy");

    private final Process process;
    private final Path directory;

    private Caddy(Process process, Path directory) {
        this.process = process;
        this.directory = directory;
    }

    /** Starts Caddy with the shipped Caddyfile, each text of {@code replacements} replaced; it listens on {@code port}. */
    public static Caddy start(int port, Map<String, String> replacements) throws IOException, InterruptedException {
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException("Caddy is not installed (apt-get install caddy): .ci/run installs it");
        }
        var directory = Files.createTempDirectory("guichet-caddy");
        var caddyfile = Files.readString(Path.of("deploy/caddy/Caddyfile")).replace(":80 {", ":" + port + " {");
        for (var replacement : replacements.entrySet()) {
            caddyfile = caddyfile.replace(replacement.getKey(), replacement.getValue());
        }
        // on loopback only
        caddyfile = caddyfile.replace("\tadmin off\n", "\tadmin off\n\tdefault_bind 127.0.0.1\n");
        Files.writeString(directory.resolve("Caddyfile"), caddyfile);
        var builder = new ProcessBuilder(BINARY.toString(), "run", "--config", "Caddyfile", "--adapter", "caddyfile")
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("caddy.log").toFile());
        // Caddy keeps its data under the home and XDG folders: the test's own
        builder.environment().put("HOME", directory.toString());
        builder.environment().put("XDG_DATA_HOME", directory.resolve("data").toString());
        builder.environment().put("XDG_CONFIG_HOME", directory.resolve("config").toString());
        var process = builder.start();
        ServerProcesses.awaitListening(process, port, directory.resolve("caddy.log"), "Caddy");
        return new Caddy(process, directory);
    }

    /** What Caddy logged (a failed request to Guichet says why there). */
    public String log() throws IOException {
        return Files.readString(directory.resolve("caddy.log"));
    }

    @Override
    public void close() throws InterruptedException {
        ServerProcesses.stop(process);
    }
}
