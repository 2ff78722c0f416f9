package org.guichet.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.guichet.testing.Demo;
import org.guichet.testing.OwnDatabase;
import org.guichet.testing.SignIn;
import org.guichet.testing.TestClockConfiguration;
import org.guichet.testing.Totp;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.core.MethodParameter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Bad input never gets a 5xx: every endpoint of the application (found in its request mappings at run time), signed
 * in as the role it is for and signed out, is sent malformed path values, query and form values (huge dates,
 * impossible numbers, NUL bytes, invalid UTF-8, very long text), malformed and mistyped JSON, multipart bodies
 * without a boundary or with a NUL in a file name, and content types it does not take. Every answer must be below
 * 500, and an API's 4xx a problem with an {@code errorCode} in the caller's language.
 *
 * <p>It runs on a database of its own, so that whatever a malformed request might still change never reaches the other
 * tests' data: on the same engine as the others (another schema on PostgreSQL, another H2 database in memory), since
 * Spring's {@code JdbcOAuth2AuthorizationService} keeps the column types it reads in a static field, which a
 * context on H2 would set for every context of the JVM on PostgreSQL (their authorization codes then refused).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
@Import(TestClockConfiguration.class)
@org.springframework.test.context.ContextConfiguration(initializers = EndpointFuzzTests.FuzzDatabase.class)
class EndpointFuzzTests {

    /** The fuzzing's own database. */
    public static final class FuzzDatabase extends OwnDatabase.Initializer {

        public FuzzDatabase() {
            super("fuzz_database");
        }
    }

    /**
     * Left out: signing out, and "this wasn't me", which any comment (even none) makes end every session and ask for a
     * new password: both would end the fuzzer's own session (their own tests cover their input); and the webmail's
     * mailbox calls, which need a mail server (this context has none, and answers 503 to any request that reaches it):
     * their bad input is sent to a real Dovecot in {@code MailDovecotTests}.
     */
    private static final Set<String> LEFT_OUT = Set.of(
            "/logout",
            "/account/activity/not-me",
            "/api/v1/me/activity/not-me",
            "/api/v1/mail/folders",
            "/api/v1/mail/folders/{folder}/messages",
            "/api/v1/mail/messages/{id}",
            "/mail",
            "/mail/messages/{id}",
            "/mail/compose",
            "/mail/messages/{id}/attachments/{part}",
            "/mail/messages/{id}/unread",
            "/mail/messages/{id}/delete",
            "/mail/messages/{id}/flag",
            "/mail/messages/{id}/move",
            "/api/v1/mail/drafts",
            "/api/v1/mail/messages/{id}/move");

    /** Values no form, query or path expects. */
    private static final List<String> BAD_VALUES = List.of(
            "",
            "x",
            "+999999999-12-31",
            "-999999999-01-01",
            "2026-02-30",
            "99999999999999999999",
            "-1",
            "NaN",
            "\u0000",
            "\uFFFF\uD800",
            "../../etc/passwd",
            "<script>alert(1)</script>",
            // long, yet within the 8 KB Tomcat allows for a request's head when it travels in the query
            "é".repeat(150));

    /** Path values, already encoded as they would travel. */
    private static final List<String> BAD_PATH_VALUES = List.of(
            "x",
            "0",
            "-1",
            "99999999999999999999",
            UUID.randomUUID().toString(),
            "%00",
            "%C3%28",
            "%25",
            "a".repeat(300),
            // a real agent, but none the fuzzer signs in as
            "1000007");

    private static final Pattern FRENCH = Pattern.compile("[éèêàçù]|\\b(vous|votre|les|des|est|pas|une)\\b");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    Clock clock;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final Map<String, Session> sessions = new LinkedHashMap<>();
    private final List<String> failures = new ArrayList<>();
    private int sent;

    /** A signed-in agent: the session cookie and the CSRF token of its pages. */
    private record Session(String login, String cookie, String csrf) {}

    @Test
    void everyEndpointWhenSentMalformedInputThenA4xxNever5xx() {
        var endpoints = new ArrayList<Map.Entry<RequestMappingInfo, HandlerMethod>>(
                mappings.getHandlerMethods().entrySet());
        endpoints.sort(Map.Entry.comparingByKey(
                java.util.Comparator.comparing(info -> info.getPatternValues().toString())));
        var covered = new LinkedHashSet<String>();
        for (var endpoint : endpoints) {
            for (var pattern : endpoint.getKey().getPatternValues()) {
                if (LEFT_OUT.contains(pattern)) {
                    continue;
                }
                var methods = endpoint.getKey().getMethodsCondition().getMethods();
                var verbs = methods.isEmpty() ? Set.of(RequestMethod.GET, RequestMethod.POST) : methods;
                for (var verb : verbs) {
                    fuzz(verb.name(), pattern, endpoint.getValue());
                    covered.add(verb + " " + pattern);
                }
            }
        }
        assertThat(covered).as("endpoints found").hasSizeGreaterThan(100);
        assertThat(failures)
                .as("of %d requests to %d endpoints", sent, covered.size())
                .isEmpty();
    }

    private void fuzz(String verb, String pattern, HandlerMethod handler) {
        var session = session(roleFor(pattern));
        var params = parameters(handler);
        var plainPath = pattern.replaceAll("\\{[^}]+}", "x");
        // path values
        if (pattern.contains("{")) {
            for (var value : BAD_PATH_VALUES) {
                send(session, verb, pattern.replaceAll("\\{[^}]+}", value), null, null, false);
            }
        }
        // query values (and, for forms, the same as a urlencoded body)
        for (var value : BAD_VALUES) {
            var query = params.isEmpty()
                    ? "q=" + encode(value)
                    : params.stream().map(name -> name + "=" + encode(value)).collect(Collectors.joining("&"));
            if (verb.equals("GET") || verb.equals("DELETE")) {
                send(session, verb, plainPath + "?" + query, null, null, false);
            } else {
                send(session, verb, plainPath, "application/x-www-form-urlencoded", query, false);
            }
        }
        if (verb.equals("GET")) {
            send(
                    null,
                    verb,
                    plainPath + "?" + params.stream().map(n -> n + "=%C3%28").collect(Collectors.joining("&")),
                    null,
                    null,
                    true);
            return;
        }
        // bodies
        var bodies = new ArrayList<String[]>();
        bodies.add(new String[] {"application/json", "{"});
        bodies.add(new String[] {"application/json", "[]"});
        bodies.add(new String[] {"application/json", "null"});
        bodies.add(new String[] {"application/json", "\"x\""});
        bodies.add(new String[] {"application/json", "{\"a\":" + "[".repeat(3000) + "]".repeat(3000) + "}"});
        for (var json : mistypedJson(handler)) {
            bodies.add(new String[] {"application/json", json});
        }
        bodies.add(new String[] {"multipart/form-data", "x"});
        bodies.add(new String[] {"multipart/form-data; boundary=zz", "garbage"});
        bodies.add(new String[] {
            "multipart/form-data; boundary=zz",
            "--zz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a\u0000b.pdf\"\r\n"
                    + "Content-Type: application/pdf\r\n\r\n%PDF-1.4\r\n--zz--\r\n"
        });
        bodies.add(new String[] {"application/x-www-form-urlencoded", "a=%zz&b=%"});
        bodies.add(new String[] {"text/plain", "x"});
        bodies.add(new String[] {"application/xml", "<a/>"});
        bodies.add(new String[] {"application/json; charset=nonsense", "{}"});
        for (var body : bodies) {
            send(session, verb, plainPath, body[0], body[1], bodies.indexOf(body) % 2 == 0);
        }
        // signed out
        send(null, verb, plainPath, "application/json", "{", true);
        send(null, verb, plainPath, "multipart/form-data", "x", false);
    }

    /** The names of the query and form values the handler reads. */
    private static List<String> parameters(HandlerMethod handler) {
        var names = new ArrayList<String>();
        for (var parameter : handler.getMethodParameters()) {
            var param = parameter.getParameterAnnotation(RequestParam.class);
            if (param != null) {
                names.add(name(param.name().isEmpty() ? param.value() : param.name(), parameter));
                continue;
            }
            if (parameter.hasParameterAnnotation(PathVariable.class)
                    || parameter.hasParameterAnnotation(RequestBody.class)) {
                continue;
            }
            var type = parameter.getParameterType();
            if (type.isRecord() && (parameter.hasParameterAnnotation(ModelAttribute.class) || isForm(type))) {
                for (var component : type.getRecordComponents()) {
                    names.add(component.getName());
                }
            }
        }
        return names;
    }

    private static boolean isForm(Class<?> type) {
        return type.getName().startsWith("org.guichet") && !type.isEnum();
    }

    private static String name(String declared, MethodParameter parameter) {
        if (!declared.isEmpty()) {
            return declared;
        }
        var name = parameter.getParameterName();
        return name == null ? "value" : name;
    }

    /** JSON of the body's type with every member of the wrong kind: a huge date, text for a number, and so on. */
    private static List<String> mistypedJson(HandlerMethod handler) {
        for (var parameter : handler.getMethodParameters()) {
            if (!parameter.hasParameterAnnotation(RequestBody.class)
                    || !parameter.getParameterType().isRecord()) {
                continue;
            }
            var components = parameter.getParameterType().getRecordComponents();
            var jsons = new ArrayList<String>();
            for (var bad : List.of(
                    "\"+999999999-12-31\"",
                    "\"x\"",
                    "-99999999999999999999999",
                    "1e400",
                    "[]",
                    "{}",
                    "true",
                    "\"" + "a".repeat(100_000) + "\"",
                    "\"\\u0000\"")) {
                jsons.add(object(components, component -> bad));
            }
            jsons.add(object(components, EndpointFuzzTests::wellTypedButAbsurd));
            return jsons;
        }
        return List.of();
    }

    private static String object(
            RecordComponent[] components, java.util.function.Function<RecordComponent, String> value) {
        return java.util.Arrays.stream(components)
                .map(component -> "\"" + component.getName() + "\":" + value.apply(component))
                .collect(Collectors.joining(",", "{", "}"));
    }

    /** A value of the right JSON kind that no rule allows: dates at the end of time, huge numbers, empty lists. */
    private static String wellTypedButAbsurd(RecordComponent component) {
        var type = component.getType();
        if (Temporal.class.isAssignableFrom(type)) {
            return "\"+999999999-12-31\"";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "2147483648";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "false";
        }
        if (List.class.isAssignableFrom(type) || Set.class.isAssignableFrom(type)) {
            var element = component.getGenericType() instanceof ParameterizedType generic
                    ? generic.getActualTypeArguments()[0].getTypeName()
                    : "";
            return element.endsWith("String") ? "[\"\\u0000\", \"\"]" : "[{}]";
        }
        return "\"\\u0000" + "x".repeat(10_000) + "\"";
    }

    private void send(
            @Nullable Session session,
            String verb,
            String path,
            @Nullable String contentType,
            @Nullable String body,
            boolean english) {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", path.startsWith("/api/") ? "application/json" : "text/html")
                .header("Accept-Language", english ? "en" : "fr");
        if (session != null) {
            request.header("Cookie", SignIn.SESSION_COOKIE + "=" + session.cookie());
            request.header("X-CSRF-TOKEN", session.csrf());
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        request.method(
                verb,
                body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        var what = verb + " " + abbreviate(path) + (contentType == null ? "" : " [" + contentType + "] ")
                + (body == null ? "" : abbreviate(body))
                + (session == null ? " (signed out)" : " as " + session.login());
        HttpResponse<String> response;
        try {
            sent++;
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IllegalArgumentException e) {
            return; // a request the client itself refuses to send
        } catch (IOException e) {
            failures.add(what + ": no answer (" + e + ")");
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        var status = response.statusCode();
        if (status >= 500) {
            failures.add(what + ": " + status + " " + abbreviate(response.body()));
            return;
        }
        if (status >= 400 && path.startsWith("/api/") && status != 404 && status != 405) {
            var type = response.headers().firstValue("Content-Type").orElse("");
            if (!type.startsWith("application/problem+json") || !response.body().contains("\"errorCode\"")) {
                failures.add(what + ": " + status + " without a problem: " + type + " " + abbreviate(response.body()));
            } else if (english && FRENCH.matcher(detail(response.body())).find()) {
                failures.add(what + ": " + status + " asked in English, answered " + abbreviate(response.body()));
            }
        }
    }

    private static String detail(String body) {
        var matcher =
                Pattern.compile("\"detail\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(body);
        return matcher.find() ? matcher.group(1) : "";
    }

    /** The demo account whose role the path's area is for. */
    private static String roleFor(String pattern) {
        if (pattern.startsWith("/hr") || pattern.startsWith("/api/v1/hr")) {
            return "ines.petit";
        }
        if (pattern.startsWith("/support") || pattern.startsWith("/api/v1/support")) {
            return "hugo.robert";
        }
        if (pattern.startsWith("/security") || pattern.startsWith("/api/v1/audit")) {
            return "sarah.durand";
        }
        if (pattern.startsWith("/admin") || pattern.startsWith("/api/v1/admin")) {
            return "nora.lefevre";
        }
        if (pattern.contains("approvals") || pattern.startsWith("/leave/team")) {
            return Demo.LUCAS;
        }
        return Demo.CAMILLE;
    }

    /** A live session of this account: signed in again (over HTTP, as a browser does) when a request ended it. */
    private Session session(String login) {
        var known = sessions.get(login);
        if (known != null && alive(known)) {
            return known;
        }
        restore(login);
        var loginPage = exchange("GET", "/login", null, null);
        var cookie = sessionCookie(loginPage, null);
        var signedIn = exchange(
                "POST",
                "/login",
                cookie,
                "username=" + encode(login) + "&password=" + encode(Demo.PASSWORD) + "&_csrf="
                        + encode(hiddenCsrf(loginPage.body())));
        assertThat(signedIn.statusCode()).as("%s signs in", login).isEqualTo(302);
        cookie = sessionCookie(signedIn, cookie);
        var home = exchange("GET", "/", cookie, null);
        if (home.headers().firstValue("Location").orElse("").endsWith("/sign-in/second-factor")) {
            jdbc.sql("UPDATE totp_credential SET last_step = NULL WHERE soi = (SELECT soi FROM agent WHERE login = ?)")
                    .param(login)
                    .update();
            var step = exchange("GET", "/sign-in/second-factor", cookie, null);
            var code = exchange(
                    "POST",
                    "/sign-in/second-factor/totp",
                    cookie,
                    "code=" + Totp.demo(clock.instant()) + "&_csrf=" + encode(hiddenCsrf(step.body())));
            assertThat(code.headers().firstValue("Location").orElse(""))
                    .as("%s's second factor", login)
                    .endsWith("/sign-in/continue");
            cookie = sessionCookie(code, cookie);
        }
        var page = exchange("GET", "/account", cookie, null);
        assertThat(page.statusCode())
                .as(
                        "%s's account page (signed in to %s, then %s)",
                        login, signedIn.headers().map(), page.headers().map())
                .isEqualTo(200);
        var session = new Session(login, cookie, SignIn.csrfTokenIn(page.body()));
        sessions.put(login, session);
        return session;
    }

    /**
     * Undoes what an accepted request may have done to the fuzzer's own account on its own database (an administrator
     * publishing a new charter, a helpdesk agent asking for a new password): what a sign-in would then ask first.
     */
    private void restore(String login) {
        jdbc.sql(
                        "UPDATE password_credential SET must_change = FALSE WHERE soi = (SELECT soi FROM agent WHERE login = ?)")
                .param(login)
                .update();
        jdbc.sql("INSERT INTO charter_acceptance (soi, version, accepted_at, channel) "
                        + "SELECT a.soi, v.version, CURRENT_TIMESTAMP, 'INTERNAL' FROM agent a, "
                        + "(SELECT MAX(version) AS version FROM charter_version) v WHERE a.login = ? "
                        + "AND v.version IS NOT NULL AND NOT EXISTS (SELECT 1 FROM charter_acceptance c "
                        + "WHERE c.soi = a.soi AND c.version = v.version)")
                .param(login)
                .update();
    }

    private static String hiddenCsrf(String page) {
        var matcher = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(matcher.find()).as("the form carries a CSRF token").isTrue();
        return matcher.group(1);
    }

    /** The session cookie the answer sets, else the one the request had. */
    private static String sessionCookie(HttpResponse<String> response, @Nullable String current) {
        for (var header : response.headers().allValues("Set-Cookie")) {
            if (header.startsWith(SignIn.SESSION_COOKIE + "=")) {
                return header.substring(SignIn.SESSION_COOKIE.length() + 1, header.indexOf(';'));
            }
        }
        assertThat(current).as("a session cookie").isNotNull();
        return current;
    }

    private HttpResponse<String> exchange(String method, String path, @Nullable String cookie, @Nullable String form) {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept", "text/html")
                .method(
                        method,
                        form == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(form));
        if (cookie != null) {
            request.header("Cookie", SignIn.SESSION_COOKIE + "=" + cookie);
        }
        if (form != null) {
            request.header("Content-Type", "application/x-www-form-urlencoded");
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private boolean alive(Session session) {
        return exchange("GET", "/api/v1/me", session.cookie(), null).statusCode() == 200;
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String text) {
        var flat = text.replaceAll("\\s+", " ");
        return flat.length() > 160 ? flat.substring(0, 160) + "…" : flat;
    }
}
