package org.guichet.session.flow;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.guichet.access.AccessExplanations;
import org.guichet.access.AccessPolicy;
import org.guichet.access.NomadicState;
import org.guichet.directory.AgentId;
import org.guichet.network.Channel;
import org.guichet.network.ClientConnections;
import org.guichet.platform.ProblemResponses;
import org.guichet.platform.web.WebAccessRules;
import org.guichet.session.SessionError;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Until a signed-in agent has done every step of the sign-in (second factor, new password, charter), every page but
 * the current step's leads to it and every API call is refused with {@code SIGN_IN_INCOMPLETE} and the step's page;
 * the page they asked for is kept and reached once done. What every module declares open or reachable during the
 * sign-in ({@link WebAccessRules}) is never held back. The second factor is checked on every request, since it
 * depends on the channel (a laptop carried home keeps its session); the other steps only until they are all done.
 */
public class SignInStepFilter extends OncePerRequestFilter {

    static final String COMPLETE = SignInStepFilter.class.getName() + ".complete";
    static final String TARGET = SignInStepFilter.class.getName() + ".target";
    /** Set on a request that this filter let through: whether its agent has done every step of the sign-in. */
    private static final String DONE = SignInStepFilter.class.getName() + ".done";

    private final SignInFlow flow;
    private final ClientConnections connections;
    private final WebAccessRules modules;
    private final ProblemResponses problems;
    private final AccessExplanations explanations;
    private final LocaleResolver locales;

    public SignInStepFilter(
            SignInFlow flow,
            ClientConnections connections,
            WebAccessRules modules,
            ProblemResponses problems,
            AccessExplanations explanations,
            LocaleResolver locales) {
        this.flow = flow;
        this.connections = connections;
        this.modules = modules;
        this.problems = problems;
        this.explanations = explanations;
        this.locales = locales;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // what passes the steps anyway (style sheets, scripts, the health probe) is decided without the session:
        // reading it would cost a database read per file, and fail while the database is away
        if (modules.passesSignInSteps(request)) {
            chain.doFilter(request, response);
            return;
        }
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        var session = request.getSession(false);
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken || session == null) {
            chain.doFilter(request, response);
            return;
        }
        var channel = connections.of(request).channel();
        var step = flow.secondFactorStep(authentication, channel).orElse(null);
        if (step == null) {
            if (!Boolean.TRUE.equals(session.getAttribute(COMPLETE))) {
                var steps = flow.afterSecondFactor(AgentId.of(authentication.getName()));
                if (steps.isEmpty()) {
                    session.setAttribute(COMPLETE, Boolean.TRUE);
                } else {
                    step = steps.getFirst();
                }
            }
            if (step == null) {
                var missing = flow.remoteAccessMissing(AgentId.of(authentication.getName()), channel);
                if (missing.isPresent() && !modules.reachableWithoutRemoteAccess(request)) {
                    refuseOutsideRemoteAccess(request, response, missing.get());
                    return;
                }
                request.setAttribute(DONE, Boolean.TRUE);
                chain.doFilter(request, response);
                return;
            }
        }
        if (step.covers(
                request.getRequestURI().substring(request.getContextPath().length()))) {
            request.setAttribute(DONE, Boolean.FALSE);
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

    /**
     * On the internet without an active remote-access profile: people go to the page that explains it (and come back
     * to what they asked for once it is active), scripts get the reason and the remedy.
     */
    private void refuseOutsideRemoteAccess(HttpServletRequest request, HttpServletResponse response, NomadicState state)
            throws IOException {
        var context = request.getContextPath();
        if (request.getRequestURI().startsWith(context + "/api/")) {
            var explanation = explanations.explainRemoteAccess(state, locales.resolveLocale(request));
            problems.write(
                    request,
                    response,
                    AccessPolicy.nomadicDenial(state),
                    explanation.message(),
                    explanation.problemMembers(Channel.NOMADIC, null));
            return;
        }
        response.sendRedirect(context + "/remote-access");
    }

    /**
     * Whether this request's agent has done every step of the sign-in, as this filter found it; empty where it did not
     * look (signed out, public pages and assets).
     */
    public static java.util.Optional<Boolean> signInDone(HttpServletRequest request) {
        return request.getAttribute(DONE) instanceof Boolean done
                ? java.util.Optional.of(done)
                : java.util.Optional.empty();
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
