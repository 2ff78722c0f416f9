package org.guichet.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small application behind the proxy that answers what it received: the request line, then each header as {@code
 * name: value} (names in lower case, sorted), then how many bytes of body it read. A WebSocket upgrade is accepted
 * and each text message is sent back prefixed with {@code echo: }. One request per connection.
 */
public final class EchoUpstream implements AutoCloseable {

    private static final String WEBSOCKET_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    private final ServerSocket server;
    private final AtomicInteger requests = new AtomicInteger();

    public EchoUpstream() throws IOException {
        server = new ServerSocket(0, 64, InetAddress.getByName("127.0.0.1"));
        Thread.ofVirtual().start(() -> {
            while (!server.isClosed()) {
                try {
                    var socket = server.accept();
                    Thread.ofVirtual().start(() -> serve(socket));
                } catch (IOException closed) {
                    return;
                }
            }
        });
    }

    private void serve(Socket socket) {
        try (socket) {
            socket.setSoTimeout(30_000);
            var in = socket.getInputStream();
            var out = socket.getOutputStream();
            var head = readHead(in);
            if (head == null) {
                return;
            }
            requests.incrementAndGet();
            var lines = head.split("\r\n");
            var requestLine = lines[0].split(" ");
            var headers = new TreeMap<String, String>();
            for (var i = 1; i < lines.length; i++) {
                var colon = lines[i].indexOf(':');
                if (colon > 0) {
                    headers.merge(
                            lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                            lines[i].substring(colon + 1).strip(),
                            (a, b) -> a + " | " + b);
                }
            }
            if ("websocket".equalsIgnoreCase(headers.get("upgrade"))) {
                webSocket(headers.get("sec-websocket-key"), in, out);
                return;
            }
            var length = Long.parseLong(headers.getOrDefault("content-length", "0"));
            var read = skip(in, length);
            var path = requestLine[1].contains("?")
                    ? requestLine[1].substring(0, requestLine[1].indexOf('?'))
                    : requestLine[1];
            var text = new StringBuilder()
                    .append(requestLine[0])
                    .append(' ')
                    .append(path)
                    .append('\n');
            headers.forEach((name, value) ->
                    text.append(name).append(": ").append(value).append('\n'));
            text.append("body-bytes: ").append(read).append('\n');
            var body = text.toString().getBytes(StandardCharsets.UTF_8);
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: " + body.length
                            + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
        } catch (IOException | RuntimeException dropped) {
            // a client that went away: nothing to answer
        }
    }

    private static long skip(InputStream in, long length) throws IOException {
        var buffer = new byte[65536];
        var read = 0L;
        while (read < length) {
            var n = in.read(buffer, 0, (int) Math.min(buffer.length, length - read));
            if (n < 0) {
                break;
            }
            read += n;
        }
        return read;
    }

    private static String readHead(InputStream in) throws IOException {
        var head = new ByteArrayOutputStream();
        var last = 0;
        while (true) {
            var b = in.read();
            if (b < 0) {
                return null;
            }
            head.write(b);
            last = (last << 8) | b;
            if (last == 0x0d0a0d0a) {
                return head.toString(StandardCharsets.ISO_8859_1);
            }
            if (head.size() > 65536) {
                return null;
            }
        }
    }

    private static void webSocket(String key, InputStream in, OutputStream out) throws IOException {
        String accept;
        try {
            accept = Base64.getEncoder()
                    .encodeToString(MessageDigest.getInstance("SHA-1")
                            .digest((key + WEBSOCKET_GUID).getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                        + "Sec-WebSocket-Accept: " + accept + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        while (true) {
            var message = WebSocketFrames.read(in);
            if (message == null) {
                return;
            }
            out.write(WebSocketFrames.text("echo: " + message, false));
            out.flush();
        }
    }

    public int port() {
        return server.getLocalPort();
    }

    public int requests() {
        return requests.get();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
