/**
 * Single sign-on: Guichet is the administration's OpenID Connect provider (Spring Security's authorization server).
 * Each application is a client that belongs to a service of the catalogue, and the access policy decides at the
 * authorization as it does at Guichet's own pages: a refusal shows Guichet's explanation, never a bare error sent to
 * the application. When a Guichet session ends, for whatever reason, every application it signed into gets a
 * back-channel logout token and loses its refresh tokens.
 *
 * <p>Published events: {@link org.guichet.sso.ApplicationSignedIn}, {@link org.guichet.sso.ApplicationChanged},
 * {@link org.guichet.sso.RefreshTokenReused}, {@link org.guichet.sso.BackChannelLogoutDelivered}.
 */
@ApplicationModule(
        displayName = "Single sign-on",
        allowedDependencies = {"directory", "network", "identity", "access", "session", "platform :: web-access"})
@NullMarked
package org.guichet.sso;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
