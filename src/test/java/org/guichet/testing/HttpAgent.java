package org.guichet.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A client of a running Guichet over real HTTP, keeping cookies like a browser but following no redirect: for what
 * only a real server does (error pages, the container's error dispatch).
 */
public final class HttpAgent {

    private static final Pattern HIDDEN_CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern META_CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    private final HttpClient client;
    private final String base;
    private final @Nullable String forwardedFor;
    private final java.net.CookieHandler cookies;

    public HttpAgent(int port) {
        this(port, null);
    }

    /** A client whose requests come, through the trusted loopback proxy, from this address (the test's channel). */
    public HttpAgent(int port, @Nullable String forwardedFor) {
        this(port, forwardedFor, new CookieManager(null, CookiePolicy.ACCEPT_ALL));
    }

    /**
     * The same browser on another port (another node): it shares the cookies of {@code cookies}, as a browser does
     * for a host whatever the port.
     */
    public HttpAgent(int port, @Nullable String forwardedFor, java.net.CookieHandler cookies) {
        this("http://127.0.0.1:" + port, forwardedFor, null, cookies);
    }

    private HttpAgent(
            String base,
            @Nullable String forwardedFor,
            java.net.@Nullable InetAddress from,
            java.net.CookieHandler cookies) {
        this.forwardedFor = forwardedFor;
        this.cookies = cookies;
        var builder = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5));
        if (from != null) {
            builder.localAddress(from);
        }
        this.client = builder.build();
        this.base = base;
    }

    /**
     * A browser whose connections leave from this loopback address ({@code 127.0.0.4}), to a site through a real
     * proxy ({@code http://portal.guichet.test:8443}): the proxy sees that address, whatever headers are sent.
     */
    public static HttpAgent from(String localAddress, String base) {
        try {
            return new HttpAgent(
                    base,
                    null,
                    java.net.InetAddress.getByName(localAddress),
                    new CookieManager(null, CookiePolicy.ACCEPT_ALL));
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A request with these headers, as a script or a forger sends it. */
    public HttpResponse<String> get(String url, Map<String, String> headers) {
        var request = HttpRequest.newBuilder(URI.create(url.startsWith("http") ? url : base + url))
                .GET();
        headers.forEach(request::header);
        return send(request);
    }

    /** A page of Guichet's ({@code /login}), or any address ({@code http://…}). */
    public HttpResponse<String> get(String path, String accept) {
        return send(HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base + path))
                .header("Accept", accept)
                .GET());
    }

    public HttpResponse<String> postForm(String path, Map<String, String> form, String accept) {
        var body = form.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept", accept)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public HttpResponse<String> post(String path, Map<String, String> headers) {
        var request = HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.noBody());
        headers.forEach(request::header);
        return send(request);
    }

    /** A text body posted with these headers (a JSON command to the API, say). */
    public HttpResponse<String> post(String path, Map<String, String> headers, String body) {
        return send("POST", path, headers, body);
    }

    /** A JSON command posted to the API, with the page's CSRF token, as the pages' scripts and the mobile app do. */
    public HttpResponse<String> postJson(String path, String json) {
        return post(
                path,
                Map.of("Content-Type", "application/json", "Accept", "application/json", "X-CSRF-TOKEN", csrfToken()),
                json);
    }

    /** A request of any method with a text body (empty: none) and these headers. */
    public HttpResponse<String> send(String method, String path, Map<String, String> headers, String body) {
        var request = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base + path))
                .method(
                        method,
                        body.isEmpty()
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return send(request);
    }

    /** A part of a {@code multipart/form-data} body: a field (no file name) or a file. */
    public record Part(String name, @Nullable String fileName, String type, HttpRequest.BodyPublisher body) {

        public static Part field(String name, String type, String value) {
            return new Part(name, null, type, HttpRequest.BodyPublishers.ofString(value));
        }

        public static Part file(String name, String fileName, String type, java.nio.file.Path file) {
            try {
                return new Part(name, fileName, type, HttpRequest.BodyPublishers.ofFile(file));
            } catch (java.io.FileNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * A {@code multipart/form-data} body posted with these headers, as a browser or the mobile app sends files (a file
     * part is read from disk as it is sent).
     */
    public HttpResponse<String> postMultipart(String path, Map<String, String> headers, java.util.List<Part> parts) {
        var boundary = "guichet-test-" + java.util.UUID.randomUUID();
        var pieces = new java.util.ArrayList<HttpRequest.BodyPublisher>();
        for (var part : parts) {
            var head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part.name() + "\""
                    + (part.fileName() == null ? "" : "; filename=\"" + part.fileName() + "\"")
                    + "\r\nContent-Type: " + part.type() + "\r\n\r\n";
            pieces.add(HttpRequest.BodyPublishers.ofString(head, java.nio.charset.StandardCharsets.UTF_8));
            pieces.add(part.body());
            pieces.add(HttpRequest.BodyPublishers.ofString("\r\n"));
        }
        pieces.add(HttpRequest.BodyPublishers.ofString("--" + boundary + "--\r\n"));
        var request = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.concat(pieces.toArray(HttpRequest.BodyPublisher[]::new)));
        headers.forEach(request::header);
        return send(request);
    }

    /** A body of bytes posted to an address, as an upload. */
    public HttpResponse<String> upload(String url, byte[] body) {
        return send(HttpRequest.newBuilder(URI.create(url.startsWith("http") ? url : base + url))
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** The {@code Cookie} header this browser sends to an address (for a client of its own: a WebSocket). */
    public String cookieHeader(String url) {
        try {
            return String.join(
                    "; ", cookies.get(URI.create(url), Map.of()).getOrDefault("Cookie", java.util.List.of()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Signs in through the login form, as a person would; fails the test if refused. */
    public HttpResponse<String> signIn(String identifier) {
        var result = submit("/login", "/login", Map.of("username", identifier, "password", Demo.PASSWORD));
        assertThat(result.statusCode()).isEqualTo(302);
        assertThat(result.headers().firstValue("Location").orElse("")).doesNotContain("error");
        return result;
    }

    /**
     * Signs in through the login form, then gives the authenticator app's code when the sign-in asks for a second
     * factor (from the internet, or for a role that always needs one): the demo's app, whose code the clock gives.
     */
    public void signInWithSecondFactor(
            String login, org.springframework.jdbc.core.simple.JdbcClient jdbc, java.time.Clock clock) {
        signIn(login);
        var home = get("/", "text/html");
        if (home.headers().firstValue("Location").orElse("").endsWith("/sign-in/second-factor")) {
            var soi = jdbc.sql("SELECT soi FROM agent WHERE login = ?")
                    .param(login)
                    .query(String.class)
                    .single();
            // a code of the same 30 seconds may already have been used by an earlier sign-in of the test's
            jdbc.sql("UPDATE totp_credential SET last_step = NULL WHERE soi = ?")
                    .param(soi)
                    .update();
            var done = submit(
                    "/sign-in/second-factor",
                    "/sign-in/second-factor/totp",
                    Map.of("code", Totp.demo(clock.instant())));
            assertThat(done.headers().firstValue("Location").orElse("")).endsWith("/sign-in/continue");
            get("/sign-in/continue", "text/html");
        }
    }

    /** Posts the form of the page at {@code page} to {@code action}, with these fields and the page's CSRF token. */
    public HttpResponse<String> submit(String page, String action, Map<String, String> fields) {
        var shown = get(page, "text/html");
        var token = HIDDEN_CSRF.matcher(shown.body());
        assertThat(token.find()).as(page + " carries a CSRF token").isTrue();
        var form = new LinkedHashMap<>(fields);
        form.put("_csrf", token.group(1));
        return postForm(action, form, "text/html");
    }

    /** This browser on another port (another node of Guichet), with the same cookies. */
    public HttpAgent onPort(int port) {
        return new HttpAgent(port, forwardedFor, cookies);
    }

    /** The CSRF token a page exposes to scripts. */
    public String csrfToken() {
        return csrfToken("/");
    }

    /** The CSRF token this page exposes to scripts (a public page's, for a client not signed in). */
    public String csrfToken(String page) {
        var matcher = META_CSRF.matcher(get(page, "text/html").body());
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    /** A JSON command posted by a client not signed in, with the CSRF token of the public page it came from. */
    public HttpResponse<String> postJsonFrom(String page, String path, String json) {
        return post(
                path,
                Map.of(
                        "Content-Type",
                        "application/json",
                        "Accept",
                        "application/json",
                        "X-CSRF-TOKEN",
                        csrfToken(page)),
                json);
    }

    /** A download: the answer's bytes as they come, for the test to read (a large file is never held whole). */
    public HttpResponse<java.io.InputStream> download(String path) {
        return send(
                HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base + path))
                        .GET(),
                HttpResponse.BodyHandlers.ofInputStream());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        return send(request, HttpResponse.BodyHandlers.ofString());
    }

    private <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        try {
            return client.send(request.timeout(Duration.ofSeconds(60)).build(), body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
