package org.guichet.admin.web;

import org.guichet.platform.web.WebAccess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The administrators' back office. */
@Configuration(proxyBeanMethods = false)
class AdminWebAccessConfiguration {

    @Bean
    WebAccess adminWebAccess() {
        return WebAccess.none().backOffice("ADMIN", "/admin", "/admin/**");
    }
}
