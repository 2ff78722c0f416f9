/**
 * Session: the sign-in flow around Spring Security (login page, form login, logout), what a signed-in request may
 * reach, the security headers, and {@code GET /api/v1/me}.
 */
@ApplicationModule(
        displayName = "Session",
        allowedDependencies = {"directory"})
@NullMarked
package org.guichet.session;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
