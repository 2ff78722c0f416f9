package org.guichet.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.boot.security.autoconfigure.web.servlet.PathRequest;
import org.springframework.modulith.NamedInterface;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;

/**
 * Every module's {@link WebAccess}, as request matchers: one source for the security chain's rules and the sign-in
 * step filter's exemptions, so that the two never disagree. Platform's own: static assets, the health probe and the
 * demo's outbox are open; the error page is shown whatever sign-in step is pending.
 */
@NamedInterface("web-access")
@Component
@ConditionalOnWebApplication
public class WebAccessRules {

    private final RequestMatcher open;
    private final RequestMatcher duringSignIn;
    private final RequestMatcher withoutRemoteAccess;
    private final Map<String, List<String>> backOffices;

    /** Style sheets, scripts, images: served to anybody, and decided without the session. */
    private static final RequestMatcher ASSETS = PathRequest.toStaticResources().atCommonLocations();

    @Autowired
    WebAccessRules(List<WebAccess> modules) {
        this(List.of(ASSETS, EndpointRequest.to(HealthEndpoint.class)), modules);
    }

    /**
     * Whether the request is for a style sheet, a script or an image: filters that would read the session (or the
     * security context, which is in the session) leave those alone. Reading it would cost a database read per file,
     * the browser sending the cookie with each, and would fail while the database is away.
     */
    public static boolean isAsset(HttpServletRequest request) {
        return ASSETS.matches(request);
    }

    /** With the assets and the health probe as {@code served}, which only a running web application can match. */
    WebAccessRules(List<RequestMatcher> served, List<WebAccess> modules) {
        var open = new ArrayList<>(served);
        // the demo's outbox
        open.addAll(List.of(matcher("/dev/outbox"), matcher("/dev/outbox.json")));
        open.addAll(matchers(modules, WebAccess::open));
        this.open = new OrRequestMatcher(open);
        var duringSignIn = new ArrayList<>(List.of(matcher("/error")));
        duringSignIn.addAll(matchers(modules, WebAccess::duringSignIn));
        this.duringSignIn = new OrRequestMatcher(duringSignIn);
        this.withoutRemoteAccess = any(matchers(modules, WebAccess::withoutRemoteAccess));
        var offices = new TreeMap<String, List<String>>();
        modules.forEach(module ->
                module.backOffices().forEach((role, paths) -> offices.merge(role, paths, WebAccessRules::concat)));
        this.backOffices = Collections.unmodifiableMap(offices);
    }

    /** Reachable signed out; never held back by a sign-in step. */
    public RequestMatcher open() {
        return open;
    }

    /** Reachable on the password alone, whatever sign-in step is pending. */
    public RequestMatcher duringSignIn() {
        return duringSignIn;
    }

    /** Whether a pending sign-in step lets this request through: open, or reachable during the sign-in. */
    public boolean passesSignInSteps(HttpServletRequest request) {
        return open.matches(request) || duringSignIn.matches(request);
    }

    /** Reachable from the internet before remote access is active. */
    public boolean reachableWithoutRemoteAccess(HttpServletRequest request) {
        return withoutRemoteAccess.matches(request);
    }

    /** The back offices' path patterns, by the role each needs. */
    public Map<String, List<String>> backOffices() {
        return backOffices;
    }

    private static List<RequestMatcher> matchers(List<WebAccess> modules, Function<WebAccess, List<String>> paths) {
        return modules.stream()
                .flatMap(module -> paths.apply(module).stream())
                .map(WebAccessRules::matcher)
                .toList();
    }

    private static RequestMatcher matcher(String path) {
        return PathPatternRequestMatcher.withDefaults().matcher(path);
    }

    private static RequestMatcher any(List<RequestMatcher> matchers) {
        return matchers.isEmpty() ? request -> false : new OrRequestMatcher(matchers);
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }
}
