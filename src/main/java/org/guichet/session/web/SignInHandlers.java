package org.guichet.session.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import org.guichet.directory.AgentId;
import org.guichet.identity.IdentityManagement;
import org.guichet.identity.SignInAttempt;
import org.guichet.identity.SignInError;
import org.guichet.identity.SignInRefusedException;
import org.guichet.network.ClientConnections;
import org.guichet.platform.SessionHandles;
import org.guichet.platform.TransactionalEvents;
import org.guichet.platform.web.DatabaseUnreachable;
import org.guichet.session.SessionKeys;
import org.guichet.session.SessionManagement;
import org.guichet.session.SignedIn;
import org.guichet.session.SignedOut;
import org.guichet.session.sessions.Devices;
import org.guichet.session.sessions.SessionAttributes;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationDetailsSource;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.stereotype.Component;

/**
 * What happens around Spring Security's password check: where the attempt comes from; after a success, the session's
 * description, the trusted-browser cookie and the event; after a failure, the message (or a 429 page when the
 * address is blocked); after signing out, the event.
 */
@Component
class SignInHandlers {

    static final String TRUSTED_DEVICE_COOKIE = "GUICHET_DEVICE";
    /** Tells the login page that this browser had a session, so it can say the session expired. */
    static final String WAS_SIGNED_IN_COOKIE = "GUICHET_SIGNED_IN";

    static final String LAST_IDENTIFIER = SignInHandlers.class.getName() + ".identifier";

    private final ClientConnections connections;
    private final IdentityManagement identity;
    private final TransactionalEvents events;
    private final Clock clock;

    private final SessionManagement sessions;

    SignInHandlers(
            ClientConnections connections,
            IdentityManagement identity,
            TransactionalEvents events,
            SessionManagement sessions,
            Clock clock) {
        this.connections = connections;
        this.sessions = sessions;
        this.identity = identity;
        this.events = events;
        this.clock = clock;
    }

    AuthenticationDetailsSource<HttpServletRequest, SignInAttempt> details() {
        return request -> new SignInAttempt(
                connections.of(request),
                Devices.describe(request.getHeader("User-Agent")).toString(),
                cookie(request, TRUSTED_DEVICE_COOKIE));
    }

    SavedRequestAwareAuthenticationSuccessHandler success() {
        var handler = new SavedRequestAwareAuthenticationSuccessHandler() {
            @Override
            public void onAuthenticationSuccess(
                    HttpServletRequest request, HttpServletResponse response, Authentication authentication)
                    throws jakarta.servlet.ServletException, IOException {
                signedIn(request, response, authentication);
                super.onAuthenticationSuccess(request, response, authentication);
            }
        };
        handler.setRedirectStrategy(SignInHandlers::redirectOnSite);
        return handler;
    }

    /**
     * Sends the browser back to the page it asked for, on this site: the saved request's address was built from the
     * request's {@code Host} header, which anyone can set, so only its path and query are kept (and Tomcat sends
     * relative redirects).
     */
    static void redirectOnSite(HttpServletRequest request, HttpServletResponse response, String url)
            throws IOException {
        String path;
        try {
            var uri = java.net.URI.create(url);
            path = uri.getRawPath() == null || !uri.getRawPath().startsWith("/")
                    ? request.getContextPath() + "/"
                    : uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        } catch (IllegalArgumentException e) {
            path = request.getContextPath() + "/";
        }
        // "//evil.example" would be a network-path reference: another site
        if (path.startsWith("//")) {
            path = request.getContextPath() + "/";
        }
        response.sendRedirect(response.encodeRedirectURL(path));
    }

    private void signedIn(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        var agent = AgentId.of(authentication.getName());
        var connection = connections.of(request);
        var device = Devices.describe(request.getHeader("User-Agent"));
        var session = request.getSession();
        session.setMaxInactiveInterval((int) sessions.rules().idleTimeout().toSeconds());
        var now = clock.instant();
        session.setAttribute(SessionAttributes.SIGNED_IN_AT, now);
        SessionKeys.of(session);
        session.setAttribute(SessionAttributes.ADDRESS, connection.address());
        session.setAttribute(SessionAttributes.CHANNEL, connection.channel());
        session.setAttribute(SessionAttributes.BROWSER, device.browser());
        session.setAttribute(SessionAttributes.SYSTEM, device.system());
        session.removeAttribute(LAST_IDENTIFIER);
        response.addCookie(cookie(
                request, TRUSTED_DEVICE_COOKIE, identity.trustBrowser(agent), identity.trustedBrowserLifetime()));
        response.addCookie(cookie(request, WAS_SIGNED_IN_COOKIE, "1", null));
        events.publish(new SignedIn(agent, connection, device.toString(), SessionHandles.of(session.getId()), now));
    }

    AuthenticationFailureHandler failure() {
        return (request, response, exception) -> {
            if (exception instanceof SignInRefusedException refused
                    && refused.error() == SignInError.TOO_MANY_ATTEMPTS
                    && refused.until() != null) {
                var seconds = Math.max(
                        1, Duration.between(clock.instant(), refused.until()).toSeconds());
                response.setHeader("Retry-After", String.valueOf(seconds));
                response.sendError(HttpStatus.TOO_MANY_REQUESTS.value());
                return;
            }
            if (DatabaseUnreachable.is(exception)) {
                // the password could not be checked: not a wrong password but a service unavailable for a moment,
                // which the outermost filter answers (503, its page)
                throw new jakarta.servlet.ServletException("The database cannot be reached", exception);
            }
            var session = request.getSession();
            session.setAttribute(WebAttributes.AUTHENTICATION_EXCEPTION, exception);
            var typed = request.getParameter("username");
            if (typed != null && typed.length() <= 254) {
                session.setAttribute(LAST_IDENTIFIER, typed.strip());
            }
            response.sendRedirect(request.getContextPath() + "/login?error");
        };
    }

    LogoutHandler signedOut() {
        return (request, response, authentication) -> {
            var session = request.getSession(false);
            if (authentication != null && session != null) {
                events.publish(new SignedOut(
                        AgentId.of(authentication.getName()),
                        SessionHandles.of(session.getId()),
                        SessionKeys.of(session),
                        clock.instant()));
            }
            response.addCookie(cookie(request, WAS_SIGNED_IN_COOKIE, "", Duration.ZERO));
        };
    }

    private static @Nullable String cookie(HttpServletRequest request, String name) {
        if (request.getCookies() == null) {
            return null;
        }
        for (var cookie : request.getCookies()) {
            if (cookie.getName().equals(name)) {
                return cookie.getValue();
            }
        }
        return null;
    }

    static boolean hasCookie(HttpServletRequest request, String name) {
        var value = cookie(request, name);
        return value != null && !value.isEmpty();
    }

    /** An HttpOnly, SameSite=Lax cookie for the whole site, Secure over HTTPS; a session cookie when no lifetime. */
    private static Cookie cookie(HttpServletRequest request, String name, String value, @Nullable Duration lifetime) {
        var cookie = new Cookie(name, value);
        cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setAttribute("SameSite", "Lax");
        if (lifetime != null) {
            cookie.setMaxAge((int) lifetime.toSeconds());
        }
        return cookie;
    }
}
