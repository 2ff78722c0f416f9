/**
 * Session: the sign-in flow around Spring Security (login page, form login, the steps that must come before anything
 * else, logout), the IT charter, the agent's sessions and their timeouts, what a signed-in request may reach, the
 * security headers, and {@code GET /api/v1/me}.
 *
 * <p>Published events: {@link org.guichet.session.SignedIn}, {@link org.guichet.session.SignedOut}, {@link
 * org.guichet.session.SessionRevoked}, {@link org.guichet.session.CharterAccepted}.
 */
@ApplicationModule(
        displayName = "Session",
        allowedDependencies = {"directory", "network", "identity", "access", "platform :: web-access"})
@NullMarked
package org.guichet.session;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
