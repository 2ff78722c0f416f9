package org.guichet.security.web;

import org.guichet.platform.web.WebAccess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The security officers' back office (their cases and the journal's pages). */
@Configuration(proxyBeanMethods = false)
class SecurityWebAccessConfiguration {

    @Bean
    WebAccess securityWebAccess() {
        return WebAccess.none().backOffice("SECURITY", "/security/**");
    }
}
