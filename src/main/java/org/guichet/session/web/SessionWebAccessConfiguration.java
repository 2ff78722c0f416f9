package org.guichet.session.web;

import org.guichet.platform.web.WebAccess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The login page is public; continuing the sign-in, keeping the session alive, signing out and the passkey sign-in are
 * reached whatever step is pending; who the agent is, before remote access is active.
 */
@Configuration(proxyBeanMethods = false)
class SessionWebAccessConfiguration {

    @Bean
    WebAccess sessionWebAccess() {
        return WebAccess.none()
                .open("/login")
                .duringSignIn("/sign-in/continue", "/session/keepalive", "/logout", "/login/webauthn")
                .withoutRemoteAccess("/api/v1/me", "/api/v1/me/**");
    }
}
