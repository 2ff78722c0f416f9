/**
 * Publishing internal web applications through a reverse proxy (forward-auth): nginx's {@code auth_request} (or
 * Caddy's {@code forward_auth}) asks {@code /auth/forward} about every request to a published application, and
 * Guichet decides with the same access policy as at its own pages, on the path the proxy routes on: {@code 200} with
 * the agent's identity for the application, {@code 401} to sign in (and come back), {@code 403} with Guichet's
 * explanation of the refusal. Never another status.
 */
@ApplicationModule(
        displayName = "Publishing applications",
        allowedDependencies = {"directory", "network", "access", "session", "platform :: web-access"})
@NullMarked
package org.guichet.edge;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
