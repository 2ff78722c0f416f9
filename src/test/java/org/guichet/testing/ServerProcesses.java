package org.guichet.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/** What the tests' real servers (nginx, Caddy, Dovecot) share: started, then listening, then stopped. */
final class ServerProcesses {

    private ServerProcesses() {}

    /**
     * Waits up to 10 seconds for the process to listen on {@code port} of 127.0.0.1; fails with what it logged in
     * {@code log} when it stops first, and kills it when it never listens.
     */
    static void awaitListening(Process process, int port, Path log, String name)
            throws IOException, InterruptedException {
        var deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " stopped: " + (Files.exists(log) ? Files.readString(log) : ""));
            }
            try (var socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException(name + " did not listen on " + port);
    }

    /** Stops the process, killing it if it has not stopped within 5 seconds. */
    static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
