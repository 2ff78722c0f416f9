package org.guichet.access.web;

import org.guichet.platform.web.WebAccess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Asking for remote access, from the internet before it is active. */
@Configuration(proxyBeanMethods = false)
class AccessWebAccessConfiguration {

    @Bean
    WebAccess accessWebAccess() {
        return WebAccess.none()
                .withoutRemoteAccess(
                        "/remote-access", "/remote-access/**", "/api/v1/nomadic-profile", "/api/v1/nomadic-profile/**");
    }
}
