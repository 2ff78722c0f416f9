/**
 * Portal: the agent's home page with a tile per service (open, or closed with its reason and remedy), the entry to
 * each service ({@code /services/{id}}) and its API, the connection check, and the public pages every visitor may read
 * (legal notice, accessibility statement, help).
 */
@ApplicationModule(
        displayName = "Portal",
        allowedDependencies = {"directory", "identity", "access", "session"})
@NullMarked
package org.guichet.portal;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
