package org.guichet.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.guichet.testing.Demo;
import org.guichet.testing.IntegrationTest;
import org.guichet.testing.SignIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@IntegrationTest
class SecurityHeadersTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Autowired
    java.time.Clock clock;

    @Test
    void signedInPageThenStrictHeadersAndNoCaching() {
        var home = mvc.get().uri("/").cookie(SignIn.as(mvc, Demo.CAMILLE)).exchange();

        assertThat(home).hasStatusOk();
        assertThat(home).headers().hasValue("X-Content-Type-Options", "nosniff");
        assertThat(home).headers().hasValue("X-Frame-Options", "DENY");
        assertThat(home).headers().hasValue("Referrer-Policy", "same-origin");
        assertThat(home.getResponse().getHeader("Cache-Control")).contains("no-store");
        assertThat(home.getResponse().getHeader("Content-Security-Policy"))
                .contains("script-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'")
                // forms lead to Guichet, to the single sign-on's applications it sends agents back to, and to the
                // applications published through the proxy (the demo's gis.localhost and tm.localhost, on any port)
                .contains("form-action 'self' ")
                .containsPattern("form-action 'self' [^;]*http://127\\.0\\.0\\.1:9081")
                .containsPattern("form-action 'self' [^;]*gis\\.localhost:\\*")
                .containsPattern("form-action 'self' [^;]*tm\\.localhost:\\*")
                .doesNotContain("unsafe-inline");
    }

    @Autowired
    org.springframework.context.ApplicationContext context;

    @Test
    void passwordSignInWhenConfiguredThenOneProviderAndNoIgnoredUserDetailsService() {
        // a UserDetailsService bean beside the provider would be ignored, and Spring Security warns so at start-up
        assertThat(context.getBeanNamesForType(org.springframework.security.core.userdetails.UserDetailsService.class))
                .isEmpty();
        assertThat(context.getBeanNamesForType(
                        org.springframework.security.authentication.AuthenticationProvider.class))
                .hasSize(1);
    }

    @Test
    void pagesWhenRenderedThenNoInlineScriptOrStyle() {
        for (var uri : new String[] {"/login", "/legal", "/help", "/accessibility"}) {
            assertThat(mvc.get().uri(uri).exchange()).bodyText().doesNotContain("<script>", "style=\"", "onclick=");
        }
    }

    @Test
    void sessionCookieWhenIssuedThenHttpOnlyAndSameSiteLax() {
        var response = mvc.get().uri("/login").exchange().getResponse();

        assertThat(response.getHeader("Set-Cookie")).contains("GUICHET_SESSION=", "HttpOnly", "SameSite=Lax");
    }

    @Test
    void healthWhenAnonymousThenUp() {
        assertThat(mvc.get().uri("/actuator/health").exchange())
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.status")
                .isEqualTo("UP");
    }

    @Test
    void staticAssetsWhenAnonymousThenServed() {
        assertThat(mvc.get().uri("/css/guichet.css").exchange()).hasStatusOk().hasContentTypeCompatibleWith("text/css");
        assertThat(mvc.get().uri("/images/favicon.svg").exchange()).hasStatusOk();
    }

    @Test
    void probesWhenAnonymousThenUp() {
        assertThat(mvc.get().uri("/actuator/health/liveness").exchange()).hasStatusOk();
        assertThat(mvc.get().uri("/actuator/health/readiness").exchange()).hasStatusOk();
    }

    @Test
    void prometheusWhenScrapedFromConfiguredAddressThenMetrics() {
        assertThat(mvc.get().uri("/actuator/prometheus").exchange())
                .hasStatusOk()
                .bodyText()
                .contains("jvm_memory_used_bytes");
    }

    @Test
    void prometheusWhenAnonymousFromInternetThenRefused() {
        var result = mvc.get()
                .uri("/actuator/prometheus")
                .with(request -> {
                    request.setRemoteAddr("203.0.113.7");
                    return request;
                })
                .exchange();

        assertThat(result.getResponse().getStatus()).isNotEqualTo(HttpStatus.OK.value());
        assertThat(result).bodyText().doesNotContain("jvm_memory_used_bytes");
    }

    @Test
    void prometheusWhenAdministratorFromElsewhereThenMetrics() {
        var session = SignIn.withTotp(mvc, jdbc, clock, "nora.lefevre");

        var result = mvc.get()
                .uri("/actuator/prometheus")
                .cookie(session)
                .with(request -> {
                    request.setRemoteAddr("10.1.2.3");
                    return request;
                })
                .exchange();

        assertThat(result).hasStatusOk();
    }

    @Test
    void prometheusWhenAgentFromElsewhereThenForbidden() {
        var result = mvc.get()
                .uri("/actuator/prometheus")
                .cookie(SignIn.as(mvc, Demo.CAMILLE))
                .with(request -> {
                    request.setRemoteAddr("10.1.2.3");
                    return request;
                })
                .exchange();

        assertThat(result).hasStatus(HttpStatus.FORBIDDEN);
    }
}
