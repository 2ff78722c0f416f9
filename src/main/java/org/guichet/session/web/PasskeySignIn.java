package org.guichet.session.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.guichet.directory.AgentId;
import org.guichet.identity.FactorType;
import org.guichet.identity.SecondFactors;
import org.guichet.network.ClientConnections;
import org.guichet.platform.PlatformError;
import org.guichet.platform.ProblemResponses;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationFilter;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Passkeys as a second factor, through Spring Security's {@code POST /login/webauthn}: only after the password (a
 * passkey never replaces it here), merged into the session's authentication by Spring Security's multi-factor
 * support; then a new session id, the event, and the way on for Guichet's passkey script.
 */
@Component
@ConditionalOnWebApplication
class PasskeySignIn {

    private final SecondFactors secondFactors;
    private final ClientConnections connections;
    private final ProblemResponses problems;

    PasskeySignIn(SecondFactors secondFactors, ClientConnections connections, ProblemResponses problems) {
        this.secondFactors = secondFactors;
        this.connections = connections;
        this.problems = problems;
    }

    /** Refuses {@code POST /login/webauthn} to anyone who has not given their password in this session. */
    OncePerRequestFilter passwordFirst() {
        return new OncePerRequestFilter() {
            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                return !request.getRequestURI().equals(request.getContextPath() + "/login/webauthn");
            }

            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                var current = SecurityContextHolder.getContext().getAuthentication();
                var password = new AuthenticationTrustResolverImpl().isAuthenticated(current)
                        && current.getAuthorities().stream()
                                .anyMatch(granted ->
                                        FactorGrantedAuthority.PASSWORD_AUTHORITY.equals(granted.getAuthority()));
                if (!password) {
                    problems.write(request, response, PlatformError.UNAUTHENTICATED);
                    return;
                }
                chain.doFilter(request, response);
            }
        };
    }

    /** Sets the handlers of Spring Security's WebAuthn authentication filter. */
    ObjectPostProcessor<WebAuthnAuthenticationFilter> handlers() {
        return new ObjectPostProcessor<>() {
            @Override
            public <O extends WebAuthnAuthenticationFilter> O postProcess(O filter) {
                filter.setSessionAuthenticationStrategy(new ChangeSessionIdAuthenticationStrategy());
                filter.setAuthenticationSuccessHandler((request, response, authentication) -> {
                    secondFactors.verified(
                            AgentId.of(authentication.getName()), FactorType.PASSKEY, connections.of(request));
                    json(
                            response,
                            HttpServletResponse.SC_OK,
                            "{\"authenticated\":true,\"redirectUrl\":\"" + request.getContextPath()
                                    + "/sign-in/continue\"}");
                });
                filter.setAuthenticationFailureHandler((request, response, e) ->
                        json(response, HttpServletResponse.SC_UNAUTHORIZED, "{\"authenticated\":false}"));
                return filter;
            }
        };
    }

    private static void json(HttpServletResponse response, int status, String body) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }
}
