package org.guichet.identity;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Signing in with a password: throttled, and the only way to check one. The accounts it reads are given to the
 * security configuration for the passkey sign-in, rather than published as a {@link UserDetailsService} bean that
 * Spring Security would otherwise offer to the global authentication manager, unthrottled (and warn about).
 */
public interface PasswordSignIn extends AuthenticationProvider {

    /** The agents' accounts, as Spring Security loads them after a passkey sign-in. */
    UserDetailsService accounts();
}
