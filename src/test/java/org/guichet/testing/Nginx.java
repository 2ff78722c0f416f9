package org.guichet.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A real nginx from Debian's packages, started by a test on a loopback port with the shipped configuration of {@code
 * deploy/nginx/} (its site file adapted: ports, upstreams, host names), stopped with the test.
 */
public final class Nginx implements AutoCloseable {

    private static final Path BINARY = Path.of("/usr/sbin/nginx");

    private final Process process;
    private final Path directory;
    public final int port;

    private Nginx(Process process, Path directory, int port) {
        this.process = process;
        this.directory = directory;
        this.port = port;
    }

    /**
     * Starts nginx with the shipped snippets and site file, each text of {@code replacements} in the site file
     * replaced (an upstream's address, a host name); it listens on {@code port} of 127.0.0.1.
     */
    public static Nginx start(int port, Map<String, String> replacements) throws IOException, InterruptedException {
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException(
                    "nginx is not installed (apt-get install nginx-light): .ci/run installs it");
        }
        var directory = Files.createTempDirectory("guichet-nginx");
        for (var shipped : new String[] {"guichet-http.conf", "guichet-protect.conf", "guichet-upstream.conf"}) {
            Files.copy(Path.of("deploy/nginx", shipped), directory.resolve(shipped));
        }
        var sites = Files.readString(Path.of("deploy/nginx/guichet-sites.conf"))
                .replace("listen 80", "listen 127.0.0.1:" + port);
        for (var replacement : replacements.entrySet()) {
            sites = sites.replace(replacement.getKey(), replacement.getValue());
        }
        Files.writeString(directory.resolve("guichet-sites.conf"), sites);
        Files.writeString(directory.resolve("nginx.conf"), """
                user root;
                worker_processes 1;
                error_log %1$s/error.log warn;
                pid %1$s/nginx.pid;
                events { worker_connections 256; }
                http {
                    access_log %1$s/access.log;
                    client_body_temp_path %1$s/body;
                    proxy_temp_path %1$s/proxy;
                    fastcgi_temp_path %1$s/fastcgi;
                    uwsgi_temp_path %1$s/uwsgi;
                    scgi_temp_path %1$s/scgi;
                    include guichet-http.conf;
                    include guichet-sites.conf;
                }
                """.formatted(directory));
        var process = new ProcessBuilder(
                        BINARY.toString(), "-p", directory.toString(), "-c", "nginx.conf", "-g", "daemon off;")
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("stdout.log").toFile())
                .start();
        ServerProcesses.awaitListening(process, port, directory.resolve("stdout.log"), "nginx");
        return new Nginx(process, directory, port);
    }

    /** What nginx wrote in its error log (a failed subrequest says why there). */
    public String errors() throws IOException {
        var log = directory.resolve("error.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    @Override
    public void close() throws InterruptedException {
        ServerProcesses.stop(process);
    }
}
