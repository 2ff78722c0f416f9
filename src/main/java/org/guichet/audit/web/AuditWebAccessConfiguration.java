package org.guichet.audit.web;

import org.guichet.platform.web.WebAccess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The journal's API, for security officers. */
@Configuration(proxyBeanMethods = false)
class AuditWebAccessConfiguration {

    @Bean
    WebAccess auditWebAccess() {
        return WebAccess.none().backOffice("SECURITY", "/api/v1/audit/**");
    }
}
