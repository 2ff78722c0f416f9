package org.guichet.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

@ExtendWith(OutputCaptureExtension.class)
class PlainHttpCheckTests {

    private static void pass(PlainHttpCheck check, String path, boolean secure) throws Exception {
        var request = new MockHttpServletRequest("GET", path);
        request.setSecure(secure);
        check.doFilter(request, new MockHttpServletResponse(), new MockFilterChain());
    }

    @Test
    void httpsPublicAddressWhenPlainHttpRequestThenSaidLoudlyOnce(CapturedOutput output) throws Exception {
        var check = new PlainHttpCheck("https://guichet.ville.example");

        pass(check, "/actuator/health/readiness", false);
        assertThat(output.getAll()).doesNotContain("plain HTTP request");
        pass(check, "/login", false);
        pass(check, "/help", false);

        assertThat(output.getAll())
                .contains(
                        "ERROR", "https://guichet.ville.example", "plain HTTP request (GET /login", "X-Forwarded-Proto")
                .doesNotContain("GET /help");
    }

    @Test
    void httpsPublicAddressWhenRequestsComeOverHttpsThenNothingSaid(CapturedOutput output) throws Exception {
        var check = new PlainHttpCheck("https://guichet.ville.example");

        pass(check, "/login", true);

        assertThat(output.getAll()).doesNotContain("plain HTTP request");
    }

    @Test
    void httpPublicAddressWhenPlainHttpThenNothingSaid(CapturedOutput output) throws Exception {
        var check = new PlainHttpCheck("http://localhost:8080");

        pass(check, "/login", false);

        assertThat(output.getAll()).doesNotContain("plain HTTP request");
    }
}
