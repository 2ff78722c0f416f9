package org.guichet.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP relay in front of a server that counts the bytes clients send it: put between a proxy and Guichet, it shows
 * what reached Guichet (a request body that should not have, say).
 */
public final class CountingRelay implements AutoCloseable {

    private final ServerSocket server;
    private final AtomicLong sent = new AtomicLong();

    public CountingRelay(int targetPort) throws IOException {
        server = new ServerSocket(0, 64, InetAddress.getByName("127.0.0.1"));
        Thread.ofVirtual().start(() -> {
            while (!server.isClosed()) {
                try {
                    var client = server.accept();
                    var target = new Socket(InetAddress.getByName("127.0.0.1"), targetPort);
                    Thread.ofVirtual().start(() -> pipe(client, target, true));
                    Thread.ofVirtual().start(() -> pipe(target, client, false));
                } catch (IOException closed) {
                    return;
                }
            }
        });
    }

    private void pipe(Socket from, Socket to, boolean counted) {
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            var buffer = new byte[65536];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                if (counted) {
                    sent.addAndGet(n);
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException closed) {
            // either side went away
        } finally {
            try {
                from.close();
                to.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    public int port() {
        return server.getLocalPort();
    }

    /** How many bytes clients sent to the server so far. */
    public long sent() {
        return sent.get();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
