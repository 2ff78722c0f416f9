package org.guichet.session.flow;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.guichet.directory.AgentId;
import org.guichet.platform.ProblemResponses;
import org.guichet.session.SessionError;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Until a signed-in agent has done every step of the sign-in (new password, then charter), every page but the current
 * step's leads to it and every API call is refused with {@code SIGN_IN_INCOMPLETE} and the step's page; the page they
 * asked for is kept and reached once done. Steps are looked up on each request only until they are all done.
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
    private final ProblemResponses problems;

    public SignInStepFilter(SignInFlow flow, ProblemResponses problems) {
        this.flow = flow;
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
                || Boolean.TRUE.equals(session.getAttribute(COMPLETE))
                || isAlwaysOpen(request)) {
            chain.doFilter(request, response);
            return;
        }
        var steps = flow.pending(AgentId.of(authentication.getName()));
        if (steps.isEmpty()) {
            session.setAttribute(COMPLETE, Boolean.TRUE);
            chain.doFilter(request, response);
            return;
        }
        var next = request.getContextPath() + steps.getFirst().path();
        if (request.getRequestURI().equals(next)) {
            chain.doFilter(request, response);
            return;
        }
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            problems.write(request, response, SessionError.SIGN_IN_INCOMPLETE, Map.of("next", next));
            return;
        }
        if ("GET".equals(request.getMethod())) {
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
