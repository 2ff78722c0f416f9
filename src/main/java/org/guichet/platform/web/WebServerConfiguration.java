package org.guichet.platform.web;

import org.guichet.platform.ProblemResponses;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import tools.jackson.databind.json.JsonMapper;

/**
 * The web server's own safeguards: the security headers on what Tomcat refuses itself ({@link
 * RefusedRequestHeaders}), and a loud log line when a node reached at an {@code https} public address receives plain
 * HTTP requests (a TLS proxy whose {@code X-Forwarded-Proto} is not believed): such a node silently writes neither HSTS
 * nor {@code Secure} cookies.
 */
@ConditionalOnWebApplication
@Configuration(proxyBeanMethods = false)
class WebServerConfiguration {

    @Bean
    WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> refusedRequestHeaders(
            MessageSource messages, JsonMapper json) {
        return factory -> factory.addEngineValves(new RefusedRequestHeaders(messages, json));
    }

    @Bean
    FilterRegistrationBean<PlainHttpCheck> plainHttpCheck(@Value("${guichet.public-url:}") String publicUrl) {
        var registration = new FilterRegistrationBean<>(new PlainHttpCheck(publicUrl));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    @Bean
    FilterRegistrationBean<UnreadableBodyFilter> unreadableBodyFilter(ProblemResponses problems) {
        var registration = new FilterRegistrationBean<>(new UnreadableBodyFilter(problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    @Bean
    UnusableInputResolver unusableInputResolver() {
        return new UnusableInputResolver();
    }
}
