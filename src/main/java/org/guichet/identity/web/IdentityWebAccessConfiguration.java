package org.guichet.identity.web;

import org.guichet.platform.web.WebAccess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The self-service password reset and the password checker are public. */
@Configuration(proxyBeanMethods = false)
class IdentityWebAccessConfiguration {

    @Bean
    WebAccess identityWebAccess() {
        return WebAccess.none().open("/reset", "/reset/**", "/api/v1/password/check");
    }
}
