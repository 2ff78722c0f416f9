/**
 * Identity: agents' credentials and factors. Passwords (Argon2id behind a {@code DelegatingPasswordEncoder},
 * upgraded at sign-in when its parameters are raised; policy, history, expiry), the look-up Spring Security signs agents
 * in with (by SOI, login or e-mail address), lockout and throttling, trusted browsers, self-service reset; second factors
 * (passkeys, authenticator apps, SMS, recovery codes), when they are required ({@link org.guichet.identity.Assurance}
 * of a session), enrolment, enrolment codes, step-up and the mobile number.
 *
 * <p>API: {@link org.guichet.identity.IdentityManagement}, {@link org.guichet.identity.SecondFactors}. It knows the
 * client's connection from {@code network} and nothing of access rules.
 */
@ApplicationModule(
        displayName = "Identity",
        allowedDependencies = {"directory", "network", "platform :: web-access"})
@NullMarked
package org.guichet.identity;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
