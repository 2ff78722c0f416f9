package org.guichet.support.web;

import org.guichet.platform.web.WebAccess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The helpdesk's back office. */
@Configuration(proxyBeanMethods = false)
class SupportWebAccessConfiguration {

    @Bean
    WebAccess supportWebAccess() {
        return WebAccess.none().backOffice("SUPPORT", "/support/**", "/api/v1/support/**");
    }
}
