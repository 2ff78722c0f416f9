package org.guichet.provisioning.scim;

import org.guichet.provisioning.ProvisioningSettings;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The SCIM endpoints have a filter chain of their own: the provisioning token as a bearer token (Spring Security's
 * resource server, with {@link ScimToken} as its introspection), no session, no cookie and so no CSRF token, and every
 * refusal a SCIM error message (RFC 7644 §3.12) with {@code WWW-Authenticate}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class ScimSecurityConfiguration {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 2)
    SecurityFilterChain scim(
            HttpSecurity http, ProvisioningSettings settings, MessageSource messages, LocaleResolver locales)
            throws Exception {
        var bearer = new BearerTokenAuthenticationEntryPoint();
        bearer.setRealmName("scim");
        http.securityMatcher(ScimUsersController.ROOT + "/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().hasAuthority(ScimToken.AUTHORITY))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .oauth2ResourceServer(resource -> resource.opaqueToken(
                                opaque -> opaque.introspector(new ScimToken(settings)))
                        .authenticationEntryPoint((request, response, refusal) -> {
                            bearer.commence(request, response, refusal);
                            ScimJson.write(
                                    response,
                                    401,
                                    null,
                                    messages.getMessage(
                                            "provisioning.scim.unauthorized", null, locales.resolveLocale(request)));
                        })
                        .accessDeniedHandler((request, response, refusal) -> ScimJson.write(
                                response,
                                403,
                                null,
                                messages.getMessage(
                                        "provisioning.scim.forbidden", null, locales.resolveLocale(request)))));
        return http.build();
    }
}
