package org.guichet.identity.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Remembers, in the session, that a passkey was just registered there (Spring Security's {@code POST
 * /webauthn/register} answered 200), so that the page the agent comes to next can count it, for this session only.
 * Runs just before Spring Security's filters.
 */
@Component
@Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1)
class PasskeyRegistrations extends OncePerRequestFilter {

    private static final String REGISTERED_AT = PasskeyRegistrations.class.getName() + ".registeredAt";
    private static final Duration FRESH = Duration.ofMinutes(10);

    private final Clock clock;

    PasskeyRegistrations(Clock clock) {
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod())
                || !request.getRequestURI().equals(request.getContextPath() + "/webauthn/register");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, response);
        var session = request.getSession(false);
        if (response.getStatus() == HttpStatus.OK.value() && session != null) {
            session.setAttribute(REGISTERED_AT, clock.instant());
        }
    }

    /** Whether a passkey was registered in this session in the last minutes; forgets it either way. */
    boolean takeRegistration(HttpSession session) {
        var at = session.getAttribute(REGISTERED_AT);
        session.removeAttribute(REGISTERED_AT);
        return at instanceof Instant instant && instant.isAfter(clock.instant().minus(FRESH));
    }
}
