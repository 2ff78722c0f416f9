package org.guichet.session.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.guichet.access.AccessExplanations;
import org.guichet.access.ServiceCatalogue;
import org.guichet.identity.IdentitySettings;
import org.guichet.identity.PasswordSignIn;
import org.guichet.identity.SecondFactors;
import org.guichet.network.ClientConnections;
import org.guichet.network.Networks;
import org.guichet.platform.FormTargets;
import org.guichet.platform.PlatformError;
import org.guichet.platform.ProblemResponses;
import org.guichet.platform.SecurityHeaders;
import org.guichet.platform.TransactionalEvents;
import org.guichet.platform.web.WebAccessRules;
import org.guichet.session.ServiceAccess;
import org.guichet.session.SessionManagement;
import org.guichet.session.SessionSettings;
import org.guichet.session.SignedInPages;
import org.guichet.session.flow.SignInFlow;
import org.guichet.session.flow.SignInStepFilter;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.authorization.FactorAuthorizationDecision;
import org.springframework.security.config.annotation.authorization.EnableMultiFactorAuthentication;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.CompositeFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Everything requires sign-in except the login page, the self-service reset, the public pages, static assets and the
 * health probe. People are sent to the login page and back to what they asked for; API clients get {@code 401}/{@code
 * 403} as problem details. Once signed in, the steps of the sign-in come before anything else.
 *
 * <p>Multi-factor authentication is Spring Security's: each factor the session was given is a {@code
 * FactorGrantedAuthority} with its time of use ({@link EnableMultiFactorAuthentication} lets the passkey filter add
 * its factor to the password's); the rules of {@link SecondFactors} ask for a second factor where the channel or the
 * agent's profile requires one, and for a recent one before factors or the mobile number change (step-up). Passkeys
 * are Spring Security's WebAuthn support. Pages carry a strict Content-Security-Policy: no inline script or style.
 */
@ConditionalOnWebApplication
@Configuration(proxyBeanMethods = false)
@EnableMultiFactorAuthentication(authorities = {})
class SecurityConfiguration {

    static final String SESSION_COOKIE = SessionSettings.COOKIE;

    /** The pages of the sign-in's steps, on the password alone: the step filter keeps each to its turn. */
    private static final String[] SIGN_IN_STEPS = {
        "/sign-in/second-factor",
        "/sign-in/second-factor/**",
        "/sign-in/enrol",
        "/sign-in/enrol/**",
        "/sign-in/password",
        "/sign-in/charter",
        "/webauthn/authenticate/**"
    };

    /**
     * Spring Security observes each request's way through every one of its filters, and each authorization, when an
     * observation registry is present: a quarter of the CPU of a cheap request such as {@code GET /api/v1/me} went to
     * it (issue 21, bench/README.md). The request itself is still observed ({@code http.server.requests}), and so are
     * sign-ins ({@code spring.security.authentications}).
     */
    @Bean
    SecurityObservationSettings requestsObservedOnce() {
        return SecurityObservationSettings.withDefaults()
                .shouldObserveRequests(false)
                .shouldObserveAuthorizations(false)
                .build();
    }

    @Bean
    SecurityFilterChain guichetSecurity(
            HttpSecurity http,
            SessionSettings settings,
            PasswordSignIn signIn,
            ClientConnections connections,
            SecondFactors secondFactors,
            WebAccessRules modules,
            ServiceCatalogue catalogue,
            ServiceRules services,
            SignInHandlers handlers,
            PasskeySignIn passkeys,
            IdentitySettings identity,
            ProblemResponses problems,
            Filters filters,
            List<FormTargets> formTargets,
            List<org.guichet.platform.web.ApiTokens> apiTokens)
            throws Exception {
        // Only identity's sign-in, never a fallback: a refusal (a lock) must not be retried by another provider.
        http.authenticationManager(new ProviderManager(signIn));
        http.setSharedObject(UserDetailsService.class, signIn.accounts());
        http.authorizeHttpRequests(requests -> openAndSignInRules(requests, modules, settings, connections));
        http.authorizeHttpRequests(requests -> factorRules(requests, secondFactors));
        // The back offices: the role first (whatever the catalogue says), then the catalogue's decision for the
        // service (channels, assurance), which explains a refusal like any other service's
        http.authorizeHttpRequests(requests -> modules.backOffices()
                .forEach((role, paths) -> requests.requestMatchers(paths.toArray(String[]::new))
                        .access(backOffice(secondFactors, role, paths, catalogue, services))));
        // Each service's pages and API: the access policy's decision, as on the home page
        http.authorizeHttpRequests(requests -> catalogue.all().stream()
                .filter(service -> !service.paths().isEmpty())
                .forEach(service -> requests.requestMatchers(service.paths().toArray(String[]::new))
                        .access(services.rule(service))));
        http.authorizeHttpRequests(requests -> requests.anyRequest().access(secondFactors.signedIn()));
        signInAndOut(http, handlers, passkeys, identity);
        http.exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
                        (request, response, e) -> problems.write(request, response, PlatformError.UNAUTHENTICATED),
                        PathPatternRequestMatcher.withDefaults().matcher("/api/**"))
                .accessDeniedHandler((request, response, e) -> refuse(request, response, e, problems, services)));
        http.addFilterBefore(passkeys.passwordFirst(), UsernamePasswordAuthenticationFilter.class);
        http.addFilterBefore(filters.lifetime(), AuthorizationFilter.class);
        http.addFilterBefore(filters.steps(), AuthorizationFilter.class);
        // the API also answers the mobile app, with its DPoP-bound tokens (when the module that issues them is there)
        for (var tokens : apiTokens) {
            tokens.apply(http);
        }
        http.headers(headers -> headers.addHeaderWriter(SecurityHeaders.contentSecurityPolicy(formTargets))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.get(SecurityHeaders.REFERRER_POLICY))));
        return http.build();
    }

    /**
     * What every module declares open, what is reached during the sign-in (its steps on the password alone), the
     * health probe and the metrics for their scrapers.
     */
    private static void openAndSignInRules(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests,
            WebAccessRules modules,
            SessionSettings settings,
            ClientConnections connections) {
        requests.dispatcherTypeMatchers(DispatcherType.ERROR)
                .permitAll()
                .requestMatchers(modules.open())
                .permitAll()
                .requestMatchers(EndpointRequest.to("prometheus"))
                .access(metricsAccess(settings, connections))
                .requestMatchers(modules.duringSignIn())
                .authenticated()
                .requestMatchers(SIGN_IN_STEPS)
                .authenticated();
    }

    /** Enrolling a factor, the factors' pages, and a recent second factor to change them (step-up). */
    private static void factorRules(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests,
            SecondFactors secondFactors) {
        // Passkeys are removed from the factors page only, where the last one is kept when required.
        requests.requestMatchers(HttpMethod.DELETE, "/webauthn/register/**")
                .denyAll()
                .requestMatchers("/webauthn/register", "/webauthn/register/**")
                .access(secondFactors.enrolment())
                .requestMatchers(SecondFactors.STEP_UP_PAGES)
                .access(secondFactors.signedIn())
                .requestMatchers(SecondFactors.STEP_UP)
                .access(secondFactors.stepUp());
    }

    /** The login form, sign-out, and passkeys (Spring Security's WebAuthn). */
    private static void signInAndOut(
            HttpSecurity http, SignInHandlers handlers, PasskeySignIn passkeys, IdentitySettings identity)
            throws Exception {
        http.formLogin(login -> login.loginPage("/login")
                        .authenticationDetailsSource(handlers.details())
                        .successHandler(handlers.success())
                        .failureHandler(handlers.failure()))
                .logout(logout -> logout.logoutUrl("/logout")
                        .addLogoutHandler(handlers.signedOut())
                        .logoutSuccessUrl("/login?logout"))
                .webAuthn(webAuthn -> webAuthn.rpId(identity.passkeys().relyingParty())
                        .rpName(identity.passkeys().relyingPartyName())
                        .allowedOrigins(Set.copyOf(identity.passkeys().origins()))
                        .disableDefaultRegistrationPage(true)
                        .withObjectPostProcessor(passkeys.handlers()));
    }

    /**
     * The two filters of the session module in the chain: the session's lifetime, then the sign-in's steps; and the
     * same for other chains, with the refusal page of a service.
     */
    @Component
    @ConditionalOnWebApplication
    static final class Filters implements SignedInPages {

        private final SessionLifetimeFilter lifetime;
        private final SignInStepFilter steps;
        private final ServiceRules services;
        private final LogoutHandler signedOut;
        private final LogoutHandler endSession = new SecurityContextLogoutHandler();

        Filters(
                SessionManagement sessions,
                ProblemResponses problems,
                TransactionalEvents events,
                Clock clock,
                SignInFlow flow,
                ClientConnections connections,
                WebAccessRules modules,
                AccessExplanations explanations,
                LocaleResolver locales,
                ServiceRules services,
                SignInHandlers handlers) {
            this.signedOut = handlers.signedOut();
            this.lifetime = new SessionLifetimeFilter(sessions, problems, events, clock);
            this.steps = new SignInStepFilter(flow, connections, modules, problems, explanations, locales);
            this.services = services;
        }

        @Override
        public Filter signInSteps() {
            var both = new CompositeFilter();
            both.setFilters(List.of(lifetime, steps));
            return both;
        }

        @Override
        public void refuse(HttpServletRequest request, HttpServletResponse response, ServiceAccess.View refused)
                throws IOException, ServletException {
            services.refuse(request, response, refused);
        }

        @Override
        public void signOut(HttpServletRequest request, HttpServletResponse response, Authentication agent) {
            signedOut.logout(request, response, agent);
            endSession.logout(request, response, agent);
        }

        SessionLifetimeFilter lifetime() {
            return lifetime;
        }

        SignInStepFilter steps() {
            return steps;
        }
    }

    /**
     * Answers a refusal: problem details for the API, the error page for people. A missing or too old second factor
     * leads to the page that asks for it (then back); an expired form (CSRF) is told apart from a missing right, so
     * that the person is told to reload the page rather than to ask for access; on the login form, where it happens
     * after a long pause, it simply shows the form again.
     */
    private static void refuse(
            HttpServletRequest request,
            HttpServletResponse response,
            AccessDeniedException e,
            ProblemResponses problems,
            ServiceRules services)
            throws IOException, ServletException {
        var path = request.getRequestURI().substring(request.getContextPath().length());
        if (e instanceof AuthorizationDeniedException denied
                && denied.getAuthorizationResult() instanceof ServiceRules.Refused refused) {
            services.refuse(request, response, refused.view());
            return;
        }
        if (e instanceof AuthorizationDeniedException denied
                && denied.getAuthorizationResult() instanceof FactorAuthorizationDecision) {
            SecondFactorRefusals.redirect(request, response, problems);
            return;
        }
        if (path.startsWith("/api/")) {
            problems.write(
                    request,
                    response,
                    e instanceof CsrfException ? PlatformError.CSRF_INVALID : PlatformError.FORBIDDEN);
            return;
        }
        if (e instanceof CsrfException && path.equals("/login")) {
            response.sendRedirect(request.getContextPath() + "/login?expired");
            return;
        }
        request.setAttribute(WebAttributes.ACCESS_DENIED_403, e);
        response.sendError(HttpServletResponse.SC_FORBIDDEN);
    }

    /**
     * Signed in as everywhere; when the catalogue has a service for these paths, its decision (role, channels,
     * assurance), refused with its reason like any service's; and in any case the role, so that a catalogue that
     * lost the service or its roles never opens a back office. A missing second factor is asked for as everywhere.
     */
    private static AuthorizationManager<RequestAuthorizationContext> backOffice(
            SecondFactors secondFactors,
            String role,
            List<String> paths,
            ServiceCatalogue catalogue,
            ServiceRules services) {
        var signedIn = secondFactors.signedIn();
        var hasRole = AuthorityAuthorizationManager.<RequestAuthorizationContext>hasRole(role);
        var service = catalogue.all().stream()
                .filter(candidate -> paths.stream().anyMatch(candidate.paths()::contains))
                .findFirst()
                .map(services::rule)
                .orElse(null);
        return (authentication, context) -> {
            var first = signedIn.authorize(authentication, context);
            if (first == null || !first.isGranted()) {
                return first;
            }
            var decision = service == null ? null : service.authorize(authentication, context);
            if (decision != null && !decision.isGranted()) {
                return decision;
            }
            return hasRole.authorize(authentication, context);
        };
    }

    /**
     * The session cookie: {@code HttpOnly}, {@code SameSite=Lax}, and {@code Secure} whenever the request came over
     * HTTPS (Spring Session decides per request); for the portal's parent domain when one is configured (the
     * applications published through the reverse proxy receive it).
     */
    @Bean
    CookieSerializer sessionCookie(SessionSettings settings) {
        var cookie = new DefaultCookieSerializer();
        if (!settings.cookieDomain().isBlank()) {
            cookie.setDomainName(settings.cookieDomain().strip());
        }
        cookie.setCookieName(SESSION_COOKIE);
        cookie.setUseHttpOnlyCookie(true);
        cookie.setSameSite("Lax");
        cookie.setCookiePath("/");
        return cookie;
    }

    /**
     * Prometheus scrapes from its configured addresses (the client's, resolved through trusted proxies, never the
     * proxy's own); administrators may look from anywhere.
     */
    private static AuthorizationManager<RequestAuthorizationContext> metricsAccess(
            SessionSettings settings, ClientConnections connections) {
        var scrapers = new Networks(settings.metricsAddresses());
        AuthorizationManager<RequestAuthorizationContext> fromScraper =
                (authentication, context) -> new AuthorizationDecision(
                        scrapers.contains(connections.of(context.getRequest()).address()));
        return AuthorizationManagers.anyOf(fromScraper, AuthorityAuthorizationManager.hasRole("ADMIN"));
    }
}
