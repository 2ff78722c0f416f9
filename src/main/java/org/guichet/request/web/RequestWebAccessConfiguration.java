package org.guichet.request.web;

import org.guichet.platform.web.WebAccess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Anyone holding a document checks its authenticity. */
@Configuration(proxyBeanMethods = false)
class RequestWebAccessConfiguration {

    @Bean
    WebAccess requestWebAccess() {
        return WebAccess.none().open("/verify/*");
    }
}
