package org.guichet.sso.server;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.guichet.platform.ProblemResponses;
import org.guichet.platform.web.WebAccessRules;
import org.guichet.sso.SsoError;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What a token of the mobile app may reach: each part of the API needs its scope, one to read ({@code GET}) and one
 * to change; anything else under {@code /api/} (the back offices, administration) is never reached with a token,
 * whatever the agent's roles. A call with the browser's session is not concerned. A refusal is {@code 403} with the
 * scope it needed ({@code WWW-Authenticate: DPoP error="insufficient_scope"}) and the API's problem details.
 */
final class ApiScopes extends OncePerRequestFilter {

    /** A part of the API and the scopes it needs; {@code write} null: nothing there is changed with a token. */
    record Area(String prefix, String read, @Nullable String write) {}

    static final List<Area> AREAS = List.of(
            new Area("/api/v1/me", "profile", null),
            new Area("/api/v1/payslips", "payslips.read", null),
            new Area("/api/v1/leave", "leave.read", "leave.write"),
            new Area("/api/v1/schedule", "schedule.read", null),
            new Area("/api/v1/requests", "requests.read", "requests.write"),
            new Area("/api/v1/mail", "mail.read", "mail.send"),
            new Area("/api/v1/notifications", "notifications.read", "notifications.write"),
            new Area("/api/v1/conversations", "support.read", "support.write"));

    /** Every scope of the API, for the mobile app's registration. */
    static Set<String> all() {
        var scopes = new LinkedHashSet<String>();
        for (var area : AREAS) {
            scopes.add(area.read());
            if (area.write() != null) {
                scopes.add(area.write());
            }
        }
        return scopes;
    }

    private final ProblemResponses problems;

    ApiScopes(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return WebAccessRules.isAsset(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!(SecurityContextHolder.getContext().getAuthentication() instanceof AppTokens.AppAuthentication token)) {
            chain.doFilter(request, response);
            return;
        }
        var needed = needed(request);
        if (needed != null
                && token.getAuthorities().stream()
                        .anyMatch(authority -> authority.getAuthority().equals("SCOPE_" + needed))) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader(
                "WWW-Authenticate",
                "DPoP error=\"insufficient_scope\"" + (needed == null ? "" : ", scope=\"" + needed + "\""));
        problems.write(
                request, response, SsoError.INSUFFICIENT_SCOPE, needed == null ? Map.of() : Map.of("scope", needed));
    }

    /** The scope this call needs; null when no token may make it. */
    private static @Nullable String needed(HttpServletRequest request) {
        var path = request.getRequestURI().substring(request.getContextPath().length());
        var reading = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
        for (var area : AREAS) {
            if (path.equals(area.prefix()) || path.startsWith(area.prefix() + "/")) {
                return reading ? area.read() : area.write();
            }
        }
        return null;
    }
}
