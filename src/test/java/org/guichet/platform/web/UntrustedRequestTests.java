package org.guichet.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.guichet.platform.SecurityHeaders;
import org.guichet.testing.Demo;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * What a client controls is not believed: a forged {@code Host} header never becomes the address a browser is sent
 * to (before or after signing in), and what Tomcat refuses on its own still carries every security header. Raw HTTP
 * over a socket, since HTTP clients will not send a forged {@code Host}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class UntrustedRequestTests {

    private static final Pattern COOKIE = Pattern.compile("GUICHET_SESSION=([^;]+)");
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    /** An HTTP answer: status, headers (lower-case names, first value) and body. */
    record Answer(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), "");
        }
    }

    private Answer send(String method, String target, String host, Map<String, String> headers, String body) {
        var request = new StringBuilder()
                .append(method)
                .append(' ')
                .append(target)
                .append(" HTTP/1.1\r\nHost: ")
                .append(host)
                .append("\r\nConnection: close\r\n");
        headers.forEach(
                (name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        var bytes = body.getBytes(StandardCharsets.UTF_8);
        if (!body.isEmpty()) {
            request.append("Content-Length: ").append(bytes.length).append("\r\n");
        }
        request.append("\r\n");
        try (var socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            var out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(bytes);
            out.flush();
            var answer = new ByteArrayOutputStream();
            socket.getInputStream().transferTo(answer);
            return parse(answer.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Answer parse(String raw) {
        var end = raw.indexOf("\r\n\r\n");
        var head = raw.substring(0, end).split("\r\n");
        var headers = new LinkedHashMap<String, String>();
        for (int i = 1; i < head.length; i++) {
            var colon = head[i].indexOf(':');
            headers.putIfAbsent(
                    head[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                    head[i].substring(colon + 1).strip());
        }
        return new Answer(Integer.parseInt(head[0].split(" ")[1]), headers, raw.substring(end + 4));
    }

    @Test
    void protectedPageWhenHostIsForgedThenSignInPageOnThisSite() {
        var answer = send("GET", "/payslips", "evil.example", Map.of("Accept", "text/html"), "");

        assertThat(answer.status()).isEqualTo(302);
        assertThat(answer.header("Location")).isEqualTo("/login").doesNotContain("evil.example");
    }

    @Test
    void signInWhenTheSavedRequestHadAForgedHostThenBackToThePageOnThisSite() {
        // the page asked for is saved with the forged host, then the agent signs in
        var asked = send("GET", "/payslips?year=2026", "evil.example:8443", Map.of("Accept", "text/html"), "");
        var session = COOKIE.matcher(asked.header("Set-Cookie"));
        assertThat(session.find()).isTrue();
        var cookie = "GUICHET_SESSION=" + session.group(1);
        var login = send("GET", "/login", "evil.example:8443", Map.of("Cookie", cookie), "");
        var csrf = CSRF.matcher(login.body());
        assertThat(csrf.find()).isTrue();

        var signedIn = send(
                "POST",
                "/login",
                "evil.example:8443",
                Map.of("Cookie", cookie, "Content-Type", "application/x-www-form-urlencoded"),
                "username=" + Demo.CAMILLE + "&password=" + URLEncoder.encode(Demo.PASSWORD, StandardCharsets.UTF_8)
                        + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8));

        assertThat(signedIn.status()).isEqualTo(302);
        assertThat(signedIn.header("Location"))
                .doesNotContain("evil.example")
                .startsWith("/payslips")
                .contains("year=2026");
    }

    @Test
    void addressTomcatRefusesItselfThenTheSameSecurityHeadersAsEveryPage() {
        var refused = send("GET", "/%2e%2e/%2e%2e/etc/passwd", "127.0.0.1", Map.of(), "");
        var page = send("GET", "/login", "127.0.0.1", Map.of(), "");

        assertThat(refused.status()).isEqualTo(400);
        for (var header : SecurityHeaders.ALWAYS.keySet()) {
            assertThat(page.header(header)).as("%s on a page", header).isNotEmpty();
            if (header.equals("Content-Security-Policy")) {
                // pages' forms may also lead to the single sign-on's applications; a refusal has no form
                assertThat(refused.header(header)).isEqualTo(SecurityHeaders.CONTENT_SECURITY_POLICY);
                assertThat(page.header(header)).startsWith(SecurityHeaders.CONTENT_SECURITY_POLICY);
            } else {
                assertThat(refused.header(header)).as(header).isEqualTo(page.header(header));
            }
        }
        assertThat(refused.body()).doesNotContain("Exception", "at org.");
    }
}
