/**
 * Identity: agents' credentials and factors. For now the password (Argon2id behind a {@code
 * DelegatingPasswordEncoder}, upgraded at sign-in when its parameters are raised) and the look-up Spring Security
 * signs agents in with, by SOI, login or e-mail address.
 */
@ApplicationModule(
        displayName = "Identity",
        allowedDependencies = {"directory", "network", "platform :: web-access"})
@NullMarked
package org.guichet.identity;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
