package org.guichet.session.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import org.guichet.platform.PlatformError;
import org.guichet.platform.ProblemResponses;
import org.guichet.session.SessionSettings;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.boot.security.autoconfigure.web.servlet.PathRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.access.IpAddressAuthorizationManager;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * Everything requires sign-in except the login page, the public pages, static assets and the health probe. People
 * are sent to the login page and back to what they asked for; API clients get {@code 401}/{@code 403} as problem
 * details (through the error controller). Pages carry a strict Content-Security-Policy: no inline script or style.
 */
@ConditionalOnWebApplication
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String SESSION_COOKIE = "GUICHET_SESSION";
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
            + "frame-ancestors 'none'; form-action 'self'";

    @Bean
    SecurityFilterChain guichetSecurity(HttpSecurity http, SessionSettings settings, ProblemResponses problems)
            throws Exception {
        var api = PathPatternRequestMatcher.withDefaults().matcher("/api/**");
        http.authorizeHttpRequests(requests -> requests.dispatcherTypeMatchers(DispatcherType.ERROR)
                        .permitAll()
                        .requestMatchers(PathRequest.toStaticResources().atCommonLocations())
                        .permitAll()
                        .requestMatchers("/login", "/legal", "/accessibility", "/help")
                        .permitAll()
                        .requestMatchers(EndpointRequest.to(HealthEndpoint.class))
                        .permitAll()
                        .requestMatchers(EndpointRequest.to("prometheus"))
                        .access(metricsAccess(settings))
                        .anyRequest()
                        .authenticated())
                .formLogin(login -> login.loginPage("/login").failureUrl("/login?error"))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
                                (request, response, e) ->
                                        problems.write(request, response, PlatformError.UNAUTHENTICATED),
                                api)
                        .accessDeniedHandler((request, response, e) -> refuse(request, response, e, problems)))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    /**
     * Answers a refusal: problem details for the API, the error page for people. An expired form (CSRF) is told apart
     * from a missing right, so that the person is told to reload the page rather than to ask for access.
     */
    private static void refuse(
            HttpServletRequest request,
            HttpServletResponse response,
            AccessDeniedException e,
            ProblemResponses problems)
            throws IOException {
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            problems.write(
                    request,
                    response,
                    e instanceof CsrfException ? PlatformError.CSRF_INVALID : PlatformError.FORBIDDEN);
            return;
        }
        request.setAttribute(WebAttributes.ACCESS_DENIED_403, e);
        response.sendError(HttpServletResponse.SC_FORBIDDEN);
    }

    /**
     * The session cookie: {@code HttpOnly}, {@code SameSite=Lax}, and {@code Secure} whenever the request came over
     * HTTPS (Spring Session decides per request).
     */
    @Bean
    CookieSerializer sessionCookie() {
        var cookie = new DefaultCookieSerializer();
        cookie.setCookieName(SESSION_COOKIE);
        cookie.setUseHttpOnlyCookie(true);
        cookie.setSameSite("Lax");
        cookie.setCookiePath("/");
        return cookie;
    }

    /** Prometheus scrapes from its configured addresses; administrators may look from anywhere. */
    private static AuthorizationManager<RequestAuthorizationContext> metricsAccess(SessionSettings settings) {
        var managers = new ArrayList<AuthorizationManager<RequestAuthorizationContext>>();
        settings.metricsAddresses()
                .forEach(address -> managers.add(IpAddressAuthorizationManager.hasIpAddress(address)));
        managers.add(AuthorityAuthorizationManager.hasRole("ADMIN"));
        @SuppressWarnings("unchecked")
        AuthorizationManager<RequestAuthorizationContext>[] any = managers.toArray(AuthorizationManager[]::new);
        return AuthorizationManagers.anyOf(any);
    }
}
