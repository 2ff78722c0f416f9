package org.guichet.session.flow;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.guichet.access.ClientConnections;
import org.guichet.directory.AgentId;
import org.guichet.platform.ProblemResponses;
import org.guichet.session.SessionError;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Until a signed-in agent has done every step of the sign-in (second factor, new password, charter), every page but
 * the current step's leads to it and every API call is refused with {@code SIGN_IN_INCOMPLETE} and the step's page;
 * the page they asked for is kept and reached once done. The second factor is checked on every request, since it
 * depends on the channel (a laptop carried home keeps its session); the other steps only until they are all done.
 */
public class SignInStepFilter extends OncePerRequestFilter {

    static final String COMPLETE = SignInStepFilter.class.getName() + ".complete";
    static final String TARGET = SignInStepFilter.class.getName() + ".target";

    /** What a step never blocks: signing out, public pages, assets, the password checker. */
    private static final List<String> ALWAYS_OPEN = List.of(
            "/sign-in/continue",
            "/logout",
            "/login",
            "/error",
            "/legal",
            "/accessibility",
            "/help",
            "/css/",
            "/js/",
            "/images/",
            "/favicon",
            "/dev/",
            "/session/keepalive",
            "/api/v1/password/check",
            "/actuator/health",
            "/reset");

    private final SignInFlow flow;
    private final ClientConnections connections;
    private final ProblemResponses problems;

    public SignInStepFilter(SignInFlow flow, ClientConnections connections, ProblemResponses problems) {
        this.flow = flow;
        this.connections = connections;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        var session = request.getSession(false);
        if (authentication == null
                || authentication instanceof AnonymousAuthenticationToken
                || session == null
                || isAlwaysOpen(request)) {
            chain.doFilter(request, response);
            return;
        }
        var step = flow.secondFactorStep(authentication, connections.of(request).channel())
                .orElse(null);
        if (step == null) {
            if (Boolean.TRUE.equals(session.getAttribute(COMPLETE))) {
                chain.doFilter(request, response);
                return;
            }
            var steps = flow.afterSecondFactor(AgentId.of(authentication.getName()));
            if (steps.isEmpty()) {
                session.setAttribute(COMPLETE, Boolean.TRUE);
                chain.doFilter(request, response);
                return;
            }
            step = steps.getFirst();
        }
        if (step.covers(
                request.getRequestURI().substring(request.getContextPath().length()))) {
            chain.doFilter(request, response);
            return;
        }
        var next = request.getContextPath() + step.path();
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            problems.write(request, response, SessionError.SIGN_IN_INCOMPLETE, Map.of("next", next));
            return;
        }
        if ("GET".equals(request.getMethod())
                && !request.getRequestURI().startsWith(request.getContextPath() + "/sign-in/")) {
            var query = request.getQueryString();
            session.setAttribute(TARGET, request.getRequestURI() + (query == null ? "" : "?" + query));
        }
        response.sendRedirect(next);
    }

    private static boolean isAlwaysOpen(HttpServletRequest request) {
        var path = request.getRequestURI().substring(request.getContextPath().length());
        return ALWAYS_OPEN.stream().anyMatch(path::startsWith);
    }

    /** Where to go once every step is done: the page first asked for, else the home page. */
    static String target(HttpServletRequest request) {
        var session = request.getSession(false);
        if (session == null || !(session.getAttribute(TARGET) instanceof String target)) {
            return "/";
        }
        session.removeAttribute(TARGET);
        return target.startsWith(request.getContextPath() + "/") && !target.startsWith("//")
                ? target.substring(request.getContextPath().length())
                : "/";
    }
}
