package org.guichet.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import jakarta.servlet.http.Cookie;
import java.util.regex.Pattern;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** Signs in through the real login form and keeps the session cookie, as a browser would. */
public final class SignIn {

    public static final String SESSION_COOKIE = "GUICHET_SESSION";
    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    private SignIn() {}

    /** Signs in and returns the session cookie; fails the test if the sign-in is refused. */
    public static Cookie as(MockMvcTester mvc, String identifier) {
        var result = mvc.post()
                .uri("/login")
                .param("username", identifier)
                .param("password", Demo.PASSWORD)
                .with(csrf())
                .exchange();
        assertThat(result).hasStatus3xxRedirection();
        assertThat(result.getResponse().getRedirectedUrl()).doesNotContain("error");
        var cookie = result.getResponse().getCookie(SESSION_COOKIE);
        assertThat(cookie).as("session cookie").isNotNull();
        return cookie;
    }

    /** The CSRF token a page of this session exposes in its {@code <meta name="_csrf">}, as scripts read it. */
    public static String csrfToken(MockMvcTester mvc, Cookie session) throws Exception {
        var page = mvc.get().uri("/").cookie(session).exchange().getResponse().getContentAsString();
        var matcher = CSRF_META.matcher(page);
        assertThat(matcher.find()).as("page exposes the CSRF token").isTrue();
        return matcher.group(1);
    }
}
