package org.guichet.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import jakarta.servlet.http.Cookie;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * A browser over MockMvc for flows of several pages: it keeps the cookies it is given (session, trusted browser,
 * language), comes from one client address (through the trusted proxy) and sends a valid CSRF token with each form.
 */
public final class MockBrowser {

    private final MockMvcTester mvc;
    private final String address;
    private final Map<String, Cookie> cookies = new LinkedHashMap<>();

    public MockBrowser(MockMvcTester mvc, String address) {
        this.mvc = mvc;
        this.address = address;
    }

    /** A browser on the office network, where a password is enough for most agents. */
    public MockBrowser(MockMvcTester mvc) {
        this(mvc, TestData.officeAddress());
    }

    /**
     * A browser on the VPN: a second factor is required, as on the internet, but no remote-access profile (most agents
     * created by tests have none).
     */
    public static MockBrowser fromVpn(MockMvcTester mvc) {
        return new MockBrowser(mvc, TestData.vpnAddress());
    }

    /**
     * A browser on the internet (the NOMADIC channel): a second factor is required, and past it, an active
     * remote-access profile.
     */
    public static MockBrowser fromInternet(MockMvcTester mvc) {
        return new MockBrowser(mvc, TestData.address());
    }

    public MvcTestResult get(String uri) {
        // a bare "?reset" is a parameter for Tomcat, not for MockMvc: give it an empty value
        return keep(mvc.get()
                .uri(uri.replaceAll("([?&][^=&]+)(?=&|$)", "$1="))
                .accept(MediaType.TEXT_HTML)
                .with(withCookies())
                .with(SignIn.from(address))
                .exchange());
    }

    /** A GET as a script makes it: JSON accepted. */
    public MvcTestResult getJson(String uri) {
        return keep(mvc.get()
                .uri(uri)
                .accept(MediaType.APPLICATION_JSON)
                .with(withCookies())
                .with(SignIn.from(address))
                .exchange());
    }

    /**
     * Sends JSON as a script of a signed-in page does, with the page's CSRF token in {@code X-CSRF-TOKEN}.
     *
     * @param body JSON, or {@code null} for none
     */
    public MvcTestResult postJson(String uri, @org.jspecify.annotations.Nullable String body) {
        return sendJson(mvc.post(), uri, body);
    }

    /** Like {@link #postJson}, with PUT. */
    public MvcTestResult putJson(String uri, String body) {
        return sendJson(mvc.put(), uri, body);
    }

    /** Like {@link #postJson}, with DELETE and no body. */
    public MvcTestResult deleteJson(String uri) {
        return sendJson(mvc.delete(), uri, null);
    }

    /** Like {@link #postJson}, with a body of another type (what a wrong script sends). */
    public MvcTestResult postAs(String uri, MediaType type, String body) {
        return send(mvc.post(), uri, type, body);
    }

    private MvcTestResult sendJson(
            MockMvcTester.MockMvcRequestBuilder method, String uri, @org.jspecify.annotations.Nullable String body) {
        return send(method, uri, MediaType.APPLICATION_JSON, body);
    }

    private MvcTestResult send(
            MockMvcTester.MockMvcRequestBuilder method,
            String uri,
            MediaType type,
            @org.jspecify.annotations.Nullable String body) {
        var token = SignIn.csrfTokenIn(body(get("/remote-access")));
        var request = method.uri(uri)
                .accept(MediaType.APPLICATION_JSON)
                .header("X-CSRF-TOKEN", token)
                .with(withCookies())
                .with(SignIn.from(address));
        if (body != null) {
            request = request.contentType(type).content(body);
        }
        return keep(request.exchange());
    }

    /** Posts a form: {@code "name", "value", "name", "value"…}. */
    public MvcTestResult post(String uri, String... fields) {
        var request = mvc.post()
                .uri(uri)
                .accept(MediaType.TEXT_HTML)
                .with(withCookies())
                .with(SignIn.from(address))
                .with(csrf());
        for (int i = 0; i + 1 < fields.length; i += 2) {
            request = request.param(fields[i], fields[i + 1]);
        }
        return keep(request.exchange());
    }

    /**
     * Uploads a file as a form does ({@code multipart/form-data}, with the CSRF token).
     *
     * @param json whether the caller is a script (JSON accepted) rather than a page
     */
    public MvcTestResult upload(String uri, String field, String fileName, byte[] content, boolean json) {
        return keep(mvc.post()
                .uri(uri)
                .multipart()
                .file(new org.springframework.mock.web.MockMultipartFile(field, fileName, null, content))
                .accept(json ? MediaType.APPLICATION_JSON : MediaType.TEXT_HTML)
                .with(withCookies())
                .with(SignIn.from(address))
                .with(csrf())
                .exchange());
    }

    /** Signs in through the form; returns the result (a redirect either way). */
    public MvcTestResult signIn(String identifier, String password) {
        return post("/login", "username", identifier, "password", password);
    }

    /**
     * Signs in with the demo password, then, when the second step asks for it, the demo authenticator-app code at the
     * application clock's time. The code last used is forgotten first, so that an agent may sign in several times
     * within 30 seconds (each code is accepted only once).
     */
    public void signInWithTotp(String identifier, JdbcClient jdbc, Clock clock) {
        var result = signIn(identifier, Demo.PASSWORD);
        assertThat(result.getResponse().getRedirectedUrl()).as("signed in").doesNotContain("error");
        var home = get("/");
        if ("/sign-in/second-factor".equals(home.getResponse().getRedirectedUrl())) {
            var soi = jdbc.sql("SELECT soi FROM agent WHERE login = ? OR soi = ?")
                    .params(identifier, identifier)
                    .query(String.class)
                    .single();
            jdbc.sql("UPDATE totp_credential SET last_step = NULL WHERE soi = ?")
                    .param(soi)
                    .update();
            assertThat(post("/sign-in/second-factor/totp", "code", Totp.demo(clock.instant())))
                    .hasRedirectedUrl("/sign-in/continue");
        }
    }

    public String body(MvcTestResult result) {
        try {
            return result.getResponse().getContentAsString();
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private org.springframework.test.web.servlet.request.RequestPostProcessor withCookies() {
        return request -> {
            if (!cookies.isEmpty()) {
                request.setCookies(cookies());
            }
            return request;
        };
    }

    public Cookie[] cookies() {
        return cookies.values().toArray(Cookie[]::new);
    }

    public Cookie cookie(String name) {
        return cookies.get(name);
    }

    private MvcTestResult keep(MvcTestResult result) {
        for (var cookie : result.getResponse().getCookies()) {
            if (cookie.getMaxAge() == 0
                    || cookie.getValue() == null
                    || cookie.getValue().isEmpty()) {
                cookies.remove(cookie.getName());
            } else {
                cookies.put(cookie.getName(), cookie);
            }
        }
        return result;
    }
}
