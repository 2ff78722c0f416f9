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
import org.springframework.web.servlet.DispatcherServlet;
import tools.jackson.databind.json.JsonMapper;

/**
 * The web server's own safeguards: the security headers on what Tomcat refuses itself ({@link
 * RefusedRequestHeaders}), a 503 when the database is out of reach ({@link DatabaseUnreachableFilter}), and a loud log
 * line when a node reached at an {@code https} public address receives plain HTTP requests (a TLS proxy whose {@code
 * X-Forwarded-Proto} is not believed): such a node silently writes neither HSTS nor {@code Secure} cookies.
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

    /** Outermost: a database out of reach is a 503 written here, whatever failed on the way (see the filter). */
    @Bean
    FilterRegistrationBean<DatabaseUnreachableFilter> databaseUnreachableFilter(
            org.thymeleaf.ITemplateEngine templates,
            org.springframework.web.servlet.LocaleResolver locales,
            ProblemResponses problems) {
        var registration = new FilterRegistrationBean<>(new DatabaseUnreachableFilter(templates, locales, problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Spring MVC takes the bean of this name for its flash attributes. */
    @Bean(name = DispatcherServlet.FLASH_MAP_MANAGER_BEAN_NAME)
    AssetAwareFlashMaps flashMapManager() {
        return new AssetAwareFlashMaps();
    }

    @Bean
    UnusableInputResolver unusableInputResolver() {
        return new UnusableInputResolver();
    }
}
