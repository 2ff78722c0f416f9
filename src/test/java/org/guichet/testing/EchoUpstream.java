package org.guichet.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small application behind the proxy that answers what it received: the request line, then each header as {@code
 * name: value} (names in lower case, sorted), then how many bytes of body it read.
 */
public final class EchoUpstream implements AutoCloseable {

    private final HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();

    public EchoUpstream() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            var read = exchange.getRequestBody().transferTo(java.io.OutputStream.nullOutputStream());
            var headers = new TreeMap<String, String>();
            exchange.getRequestHeaders()
                    .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), String.join(" | ", values)));
            var text = new StringBuilder()
                    .append(exchange.getRequestMethod())
                    .append(' ')
                    .append(exchange.getRequestURI().getRawPath())
                    .append('\n');
            headers.forEach((name, value) ->
                    text.append(name).append(": ").append(value).append('\n'));
            text.append("body-bytes: ").append(read).append('\n');
            var body = text.toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public int requests() {
        return requests.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
