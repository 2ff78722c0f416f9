package org.guichet.portal.web;

import org.guichet.platform.web.WebAccess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The public pages and the connection check; the list of services (which explains remote access) before remote access
 * is active; the HR back office.
 */
@Configuration(proxyBeanMethods = false)
class PortalWebAccessConfiguration {

    @Bean
    WebAccess portalWebAccess() {
        return WebAccess.none()
                .open("/legal", "/accessibility", "/help", "/check", "/check/certificate.crt", "/api/v1/check")
                .withoutRemoteAccess("/api/v1/services", "/api/v1/services/**")
                .backOffice("HR", "/hr/**", "/api/v1/hr/**");
    }
}
