package org.guichet.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Loopback ports for the servers a test starts (nginx, Dovecot, slapd, another node…), which bind them later. A port
 * the system hands out ({@code new ServerSocket(0)}) comes from the ephemeral range, where the system also picks the
 * source port of every outgoing connection: between the test choosing it and the server binding it, a connection to
 * PostgreSQL could take it ("Address already in use"). These are chosen below that range, where no connection's source
 * port falls, and checked free; a port is never given twice by one JVM.
 */
public final class FreePorts {

    private static final int FIRST = 15_000;
    /** The first port of the system's ephemeral range: those chosen here are below it. */
    private static final int EPHEMERAL = ephemeralStart();

    private static final java.util.Set<Integer> GIVEN = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private FreePorts() {}

    /** A loopback port that nothing listens on and no outgoing connection will take. */
    public static int next() {
        for (var attempt = 0; attempt < 1_000; attempt++) {
            var port = ThreadLocalRandom.current().nextInt(FIRST, EPHEMERAL);
            if (!GIVEN.add(port)) {
                continue;
            }
            try (var socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                return port;
            } catch (IOException taken) {
                // listened on by something else: another
            }
        }
        throw new IllegalStateException("no free port between " + FIRST + " and " + EPHEMERAL);
    }

    /** The first port of the system's ephemeral range (Linux's {@code ip_local_port_range}, else 32768). */
    private static int ephemeralStart() {
        try {
            var range = Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range"))
                    .strip()
                    .split("\\s+");
            var start = Integer.parseInt(range[0]);
            return start > FIRST + 1_000 ? start : 32_768;
        } catch (IOException | RuntimeException unreadable) {
            return 32_768;
        }
    }
}
