package org.guichet.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The one load client of {@code bench/versus-keycloak.sh}: the same code signs in to Guichet and to Keycloak as a
 * browser does, so what differs between the two results is the server. A sign-in is three requests for both:
 *
 * <ul>
 *   <li>Guichet: the login page, the form's {@code POST /login}, the home page;
 *   <li>Keycloak: the authorization endpoint's login page, the form's POST (answered by a redirection with a code), the
 *       code's exchange at the token endpoint (the client's part of a sign-in, which Guichet's own portal does not
 *       need).
 * </ul>
 *
 * <p>Each sign-in starts with no cookie (a new browser); the HTTP connections are shared (HTTP/1.1 keep-alive), the
 * same way for both. Modes:
 *
 * <pre>
 *   signin  guichet|keycloak BASE USERS PASSWORD CONCURRENCY SECONDS   one line: count, per second, p50 p90 p99 max (ms), errors,
 *           this client's CPU per sign-in (ms)
 *   cookie  BASE USER PASSWORD       Guichet's session cookie after a sign-in (for wrk on /api/v1/me)
 *   token   BASE USER PASSWORD       a Keycloak access token after a sign-in (for wrk on userinfo)
 * </pre>
 *
 * BASE is Guichet's address, or Keycloak's realm address ({@code http://127.0.0.1:8180/realms/bench}); Keycloak's
 * client is {@code bench} with secret {@code bench-secret} and redirection {@code http://127.0.0.1:9/cb}.
 */
public final class SideBySide {

    static final String CLIENT = "bench";
    static final String SECRET = "bench-secret";
    static final String REDIRECT = "http://127.0.0.1:9/cb";

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    private static final Pattern KC_FORM =
            Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"|<form[^>]*action=\"([^\"]+)\"[^>]*id=\"kc-form-login\"");
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final String base;

    private SideBySide(String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "signin" -> {
                var client = new SideBySide(args[2]);
                var users = List.of(args[3].split(","));
                System.out.println(client.load(args[1], users, args[4], Integer.parseInt(args[5]), Integer.parseInt(args[6])));
            }
            case "cookie" -> {
                var browser = new Browser();
                new SideBySide(args[1]).guichet(browser, args[2], args[3]);
                System.out.println(browser.header());
            }
            case "token" -> System.out.println(new SideBySide(args[1]).keycloak(new Browser(), args[2], args[3]));
            default -> throw new IllegalArgumentException("unknown mode " + args[0]);
        }
        System.exit(0);
    }

    /** {@code concurrency} browsers signing in one after the other for {@code seconds}. */
    private String load(String system, List<String> users, String password, int concurrency, int seconds)
            throws InterruptedException {
        var deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        var errors = new AtomicInteger();
        var firstError = new java.util.concurrent.atomic.AtomicReference<String>();
        var times = new ArrayList<long[]>();
        var threads = new ArrayList<Thread>();
        var cpu = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        var cpuBefore = cpu.getProcessCpuTime();
        var started = System.nanoTime();
        for (int t = 0; t < concurrency; t++) {
            var mine = new long[1 << 16];
            var count = new int[1];
            var offset = t;
            threads.add(Thread.ofPlatform().start(() -> {
                int i = offset;
                while (System.nanoTime() < deadline && count[0] < mine.length) {
                    var user = users.get(i++ % users.size());
                    var begin = System.nanoTime();
                    try {
                        if (system.equals("guichet")) {
                            guichet(new Browser(), user, password);
                        } else {
                            keycloak(new Browser(), user, password);
                        }
                        mine[count[0]++] = System.nanoTime() - begin;
                    } catch (Exception e) {
                        errors.incrementAndGet();
                        firstError.compareAndSet(null, e.toString());
                    }
                }
                synchronized (times) {
                    times.add(Arrays.copyOf(mine, count[0]));
                }
            }));
        }
        for (var thread : threads) {
            thread.join();
        }
        var elapsed = (System.nanoTime() - started) / 1e9;
        var cpuMs = (cpu.getProcessCpuTime() - cpuBefore) / 1e6;
        var all = times.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        if (firstError.get() != null) {
            System.err.println("first error: " + firstError.get());
        }
        return String.format(
                Locale.ROOT,
                "%d\t%.1f\t%.0f\t%.0f\t%.0f\t%.0f\t%d\t%.1f",
                all.length,
                all.length / elapsed,
                percentile(all, 50),
                percentile(all, 90),
                percentile(all, 99),
                all.length == 0 ? 0 : all[all.length - 1] / 1e6,
                errors.get(),
                all.length == 0 ? 0 : cpuMs / all.length);
    }

    private static double percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1e6;
    }

    /** Guichet: the login page, the form, the home page. */
    private void guichet(Browser browser, String user, String password) throws IOException, InterruptedException {
        var page = send(browser, get(base + "/login"), 200);
        var csrf = find(CSRF, page.body(), "the login page's _csrf field");
        var posted = send(
                browser,
                form(base + "/login", Map.of("username", user, "password", password, "_csrf", csrf)),
                302);
        var location = posted.headers().firstValue("Location").orElse("");
        if (location.contains("error")) {
            throw new IllegalStateException("sign-in refused: " + location);
        }
        send(browser, get(base + "/"), 200);
    }

    /** Keycloak: the authorization endpoint's login page, the form, the code's exchange; the access token. */
    private String keycloak(Browser browser, String user, String password) throws IOException, InterruptedException {
        var authorize = base + "/protocol/openid-connect/auth?client_id=" + CLIENT + "&response_type=code&scope=openid"
                + "&state=s&redirect_uri=" + URLEncoder.encode(REDIRECT, StandardCharsets.UTF_8);
        var page = send(browser, get(authorize), 200);
        var action = find(KC_FORM, page.body(), "the login form").replace("&amp;", "&");
        var posted = send(browser, form(action, Map.of("username", user, "password", password, "credentialId", "")), 302);
        var location = posted.headers().firstValue("Location").orElse("");
        var code = queryParameter(location, "code");
        if (code == null) {
            throw new IllegalStateException("no code: " + location);
        }
        var token = send(
                browser,
                form(
                        base + "/protocol/openid-connect/token",
                        Map.of(
                                "grant_type", "authorization_code",
                                "code", code,
                                "redirect_uri", REDIRECT,
                                "client_id", CLIENT,
                                "client_secret", SECRET)),
                200);
        return find(ACCESS_TOKEN, token.body(), "the access token");
    }

    private HttpResponse<String> send(Browser browser, HttpRequest.Builder request, int expected)
            throws IOException, InterruptedException {
        var cookies = browser.header();
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies);
        }
        request.header("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) guichet-bench").timeout(Duration.ofSeconds(30));
        var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        browser.keep(response);
        if (response.statusCode() != expected) {
            throw new IllegalStateException(
                    response.request().method() + " " + response.uri().getPath() + " answered " + response.statusCode());
        }
        return response;
    }

    private static HttpRequest.Builder get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").GET();
    }

    private static HttpRequest.Builder form(String url, Map<String, String> fields) {
        var body = fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static String find(Pattern pattern, String text, String what) {
        var matcher = pattern.matcher(text);
        if (!matcher.find()) {
            throw new IllegalStateException("not found: " + what);
        }
        return matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
    }

    private static String queryParameter(String url, String name) {
        var query = URI.create(url).getRawQuery();
        if (query == null) {
            return null;
        }
        for (var pair : query.split("&")) {
            var equals = pair.indexOf('=');
            if (equals > 0 && pair.substring(0, equals).equals(name)) {
                return java.net.URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    /**
     * A browser's cookie jar, by name only (one site, one path), one per sign-in: the JDK's cookie handler belongs to
     * an {@code HttpClient}, and a client per sign-in would open new connections for each one where a browser keeps
     * them; with one jar per sign-in, every sign-in starts with no cookie over the shared connections.
     */
    private static final class Browser {
        private final Map<String, String> cookies = new LinkedHashMap<>();

        void keep(HttpResponse<?> response) {
            for (var line : response.headers().allValues("Set-Cookie")) {
                var pair = line.split(";", 2)[0];
                var equals = pair.indexOf('=');
                if (equals <= 0) {
                    continue;
                }
                var name = pair.substring(0, equals).trim();
                var value = pair.substring(equals + 1).trim();
                if (value.isEmpty() || line.toLowerCase(Locale.ROOT).contains("max-age=0")) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, value);
                }
            }
        }

        String header() {
            return cookies.entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; "));
        }
    }
}
