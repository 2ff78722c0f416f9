package org.guichet.session.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Arrays;
import java.util.Map;
import org.guichet.identity.SecondFactors;
import org.guichet.platform.ProblemResponses;
import org.guichet.session.SessionError;
import org.jspecify.annotations.Nullable;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Where a request refused for want of a second factor goes. A protected change (step-up) leads to the confirmation
 * page, which then returns to the page the agent was on; a page that needs the second factor of the sign-in (a session
 * carried from the office to the internet, say) leads to that step. Scripts and API clients get problem details
 * naming the page, as {@code next}.
 */
final class SecondFactorRefusals {

    private static final RequestMatcher STEP_UP = new OrRequestMatcher(Arrays.stream(SecondFactors.STEP_UP)
            .map(pattern ->
                    (RequestMatcher) PathPatternRequestMatcher.withDefaults().matcher(pattern))
            .toList());
    private static final String CONFIRM = "/sign-in/confirm";

    private SecondFactorRefusals() {}

    static void redirect(HttpServletRequest request, HttpServletResponse response, ProblemResponses problems)
            throws IOException {
        var path = request.getRequestURI().substring(request.getContextPath().length());
        var stepUp = STEP_UP.matches(request) || path.startsWith("/webauthn/register");
        var next = stepUp
                ? UriComponentsBuilder.fromPath(CONFIRM)
                        .queryParam("next", returnTo(request))
                        .encode()
                        .build()
                        .toUriString()
                : "/sign-in/continue";
        if (path.startsWith("/api/") || path.startsWith("/webauthn/")) {
            problems.write(
                    request,
                    response,
                    stepUp ? SessionError.STEP_UP_REQUIRED : SessionError.SECOND_FACTOR_REQUIRED,
                    Map.of("next", request.getContextPath() + next));
            return;
        }
        response.sendRedirect(request.getContextPath() + next);
    }

    /** The page to come back to: the one asked for, or for a form, the page it was sent from (on this site). */
    private static String returnTo(HttpServletRequest request) {
        var context = request.getContextPath();
        if ("GET".equals(request.getMethod())) {
            var query = request.getQueryString();
            return request.getRequestURI().substring(context.length()) + (query == null ? "" : "?" + query);
        }
        var referer = sameSitePath(request.getHeader("Referer"), request);
        return referer != null && referer.startsWith(context + "/") ? referer.substring(context.length()) : "/account";
    }

    private static @Nullable String sameSitePath(@Nullable String referer, HttpServletRequest request) {
        if (referer == null) {
            return null;
        }
        try {
            var uri = URI.create(referer);
            if (!request.getServerName().equalsIgnoreCase(uri.getHost()) || uri.getRawPath() == null) {
                return null;
            }
            return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
