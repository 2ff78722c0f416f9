package org.guichet.sso.web;

import org.guichet.platform.web.WebAccess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The authorization endpoint is reached from the internet before remote access is active: the access policy
 * explains there why an application is closed (and what to do), as on the home page. The applications' API is
 * administrators' (their pages are under the administration's {@code /admin}).
 */
@Configuration(proxyBeanMethods = false)
class SsoWebAccessConfiguration {

    @Bean
    WebAccess ssoWebAccess() {
        return WebAccess.none()
                .withoutRemoteAccess("/oauth2/authorize")
                .backOffice("ADMIN", ApplicationsApiController.API, ApplicationsApiController.API + "/**");
    }
}
