package org.guichet.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import jakarta.servlet.http.Cookie;
import java.time.Clock;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Signs in through the real login form and keeps the session cookie, as a browser would. */
public final class SignIn {

    public static final String SESSION_COOKIE = "GUICHET_SESSION";
    public static final String TRUSTED_DEVICE_COOKIE = "GUICHET_DEVICE";
    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    private SignIn() {}

    /** Signs in and returns the session cookie; fails the test if the sign-in is refused. */
    public static Cookie as(MockMvcTester mvc, String identifier) {
        var result = attempt(mvc, identifier, Demo.PASSWORD, from("127.0.0.1"));
        assertThat(result).hasStatus3xxRedirection();
        assertThat(result.getResponse().getRedirectedUrl()).doesNotContain("error");
        var cookie = result.getResponse().getCookie(SESSION_COOKIE);
        assertThat(cookie).as("session cookie").isNotNull();
        return cookie;
    }

    /**
     * Signs in an agent who needs a second factor everywhere (the demo accounts with TOTP and a sensitive profile or a
     * granted role), with the demo authenticator-app code; returns the session cookie.
     */
    public static Cookie withTotp(MockMvcTester mvc, JdbcClient jdbc, Clock clock, String identifier) {
        var browser = MockBrowser.fromInternet(mvc);
        browser.signInWithTotp(identifier, jdbc, clock);
        return browser.cookie(SESSION_COOKIE);
    }

    /** One sign-in attempt, as coming from this client. */
    public static MvcTestResult attempt(
            MockMvcTester mvc, String identifier, String password, RequestPostProcessor... client) {
        var request = mvc.post()
                .uri("/login")
                .param("username", identifier)
                .param("password", password)
                .with(csrf());
        for (var processor : client) {
            request = request.with(processor);
        }
        return request.exchange();
    }

    /**
     * A request from this client address, as the trusted local proxy reports it in {@code X-Forwarded-For} (which is
     * how tests put a client on the office network, the VPN or the internet).
     */
    public static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr("127.0.0.1");
            request.addHeader("X-Forwarded-For", address);
            return request;
        };
    }

    /** The CSRF token a page of this session exposes in its {@code <meta name="_csrf">}, as scripts read it. */
    public static String csrfToken(MockMvcTester mvc, Cookie session) throws Exception {
        var page = mvc.get()
                .uri("/account")
                .cookie(session)
                .exchange()
                .getResponse()
                .getContentAsString();
        return csrfTokenIn(page);
    }

    /** The CSRF token a page exposes in its {@code <meta name="_csrf">}; fails the test when it has none. */
    public static String csrfTokenIn(String page) {
        var matcher = CSRF_META.matcher(page);
        assertThat(matcher.find()).as("page exposes the CSRF token").isTrue();
        return matcher.group(1);
    }
}
