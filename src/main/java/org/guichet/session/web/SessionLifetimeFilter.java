package org.guichet.session.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import org.guichet.directory.AgentId;
import org.guichet.platform.ProblemResponses;
import org.guichet.platform.SessionHandles;
import org.guichet.platform.TransactionalEvents;
import org.guichet.platform.web.WebAccessRules;
import org.guichet.session.SessionError;
import org.guichet.session.SessionKeys;
import org.guichet.session.SessionManagement;
import org.guichet.session.SessionRevoked;
import org.guichet.session.sessions.SessionAttributes;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * However active, a session ends after its absolute lifetime (10 hours by default): the agent signs in again, and
 * comes back to the page they asked for.
 */
class SessionLifetimeFilter extends OncePerRequestFilter {

    private final SessionManagement sessions;
    private final ProblemResponses problems;
    private final TransactionalEvents events;
    private final Clock clock;

    SessionLifetimeFilter(
            SessionManagement sessions, ProblemResponses problems, TransactionalEvents events, Clock clock) {
        this.sessions = sessions;
        this.problems = problems;
        this.events = events;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return WebAccessRules.isAsset(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var session = request.getSession(false);
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (session != null
                && authentication != null
                && !(authentication instanceof AnonymousAuthenticationToken)
                && session.getAttribute(SessionAttributes.SIGNED_IN_AT) instanceof Instant signedInAt
                && !clock.instant().isBefore(signedInAt.plus(sessions.rules().absoluteLifetime()))) {
            var handle = SessionHandles.of(session.getId());
            var key = SessionKeys.of(session);
            session.invalidate();
            SecurityContextHolder.clearContext();
            events.publish(new SessionRevoked(
                    AgentId.of(authentication.getName()), handle, key, SessionRevoked.Cause.LIFETIME, clock.instant()));
            if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
                problems.write(request, response, SessionError.SESSION_ENDED);
            } else if ("GET".equals(request.getMethod())) {
                // asked again without the session: signing in saves this page and comes back to it
                var query = request.getQueryString();
                response.sendRedirect(request.getRequestURI() + (query == null ? "" : "?" + query));
            } else {
                response.sendRedirect(request.getContextPath() + "/login");
            }
            return;
        }
        chain.doFilter(request, response);
    }
}
