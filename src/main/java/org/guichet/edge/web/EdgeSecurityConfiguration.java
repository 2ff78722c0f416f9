package org.guichet.edge.web;

import org.guichet.platform.web.WebAccess;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * The decision endpoint has its own filter chain: it reads the session a browser signed in with, but never sends
 * anyone to a page (the proxy is told {@code 401} or {@code 403} and redirects the browser itself), never creates a
 * session and saves no request. Its pages for people (coming back after signing in, the explanation of a refusal)
 * are the portal's, reached from the internet before remote access is active, like the home page.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class EdgeSecurityConfiguration {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 1)
    SecurityFilterChain forwardAuth(HttpSecurity http) throws Exception {
        http.securityMatcher(ForwardAuthController.FORWARD)
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                // a GET that changes nothing, asked by the proxy
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.NEVER));
        return http.build();
    }

    /** Kept decisions are answered ahead of Spring Session's filter (which reads and touches the session row). */
    @Bean
    FilterRegistrationBean<KeptAnswers> keptAnswers(Questions questions, Decisions decisions) {
        var registration = new FilterRegistrationBean<>(new KeptAnswers(questions, decisions));
        registration.addUrlPatterns(ForwardAuthController.FORWARD);
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 10);
        return registration;
    }

    @Bean
    WebAccess edgeWebAccess() {
        // the decision itself applies the remote-access profile (a refusal the proxy explains, never a loop back to
        // the sign-in)
        return WebAccess.none()
                .withoutRemoteAccess(
                        ForwardAuthController.FORWARD, ForwardAuthController.RETURN, ForwardAuthController.REFUSED);
    }
}
