package org.guichet.sso.server;

import static org.springframework.security.config.Customizer.withDefaults;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.guichet.access.ServiceCatalogue;
import org.guichet.network.ClientConnections;
import org.guichet.platform.FormTargets;
import org.guichet.platform.SecurityHeaders;
import org.guichet.platform.TransactionalEvents;
import org.guichet.session.ServiceAccess;
import org.guichet.session.SignedInPages;
import org.guichet.sso.SsoSettings;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.ClientSecretAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcLogoutAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.oidc.web.authentication.OidcLogoutAuthenticationSuccessHandler;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.DelegatingOAuth2TokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.JwtGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2AccessTokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Spring Security's authorization server, in a chain of its own before Guichet's: discovery, key set, authorization
 * (behind the {@link AuthorizationGate}), token, userinfo, introspection, revocation and RP-initiated logout, at
 * Spring's standard paths. Clients, authorizations and signing keys are in the database, so that any node serves any
 * step. Authorization codes need PKCE (S256) from every client; refresh tokens are replaced at each use.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class AuthorizationServerConfiguration {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain authorizationServer(
            HttpSecurity http,
            AuthorizationServerSettings settings,
            RegisteredClientRepository clients,
            ServiceCatalogue catalogue,
            ServiceAccess access,
            SignedInPages pages,
            ClientConnections connections,
            LocaleResolver locales,
            Claims claims,
            List<FormTargets> formTargets,
            PasswordEncoder secrets,
            DPoPProofs proofs,
            Clock clock) {
        var gate = new AuthorizationGate(
                settings.getAuthorizationEndpoint(), clients, catalogue, access, pages, connections, locales, clock);
        var signedOut = new OidcLogoutAuthenticationSuccessHandler();
        signedOut.setLogoutHandler((request, response, authentication) -> {
            if (authentication instanceof OidcLogoutAuthenticationToken logout
                    && logout.isPrincipalAuthenticated()
                    && logout.getPrincipal() instanceof Authentication agent) {
                pages.signOut(request, response, agent);
            }
        });
        // a client's secret verified once with Argon2id, then remembered a few minutes (the mail server authenticates
        // at
        // every IMAP and SMTP sign-in)
        var verifiedSecrets = new VerifiedClientSecrets(secrets, Duration.ofMinutes(5), clock);
        http.oauth2AuthorizationServer(server -> {
            http.securityMatcher(server.getEndpointsMatcher());
            server.clientAuthentication(clientAuthentication -> clientAuthentication
                    .authenticationProviders(providers -> providers.stream()
                            .filter(ClientSecretAuthenticationProvider.class::isInstance)
                            .map(ClientSecretAuthenticationProvider.class::cast)
                            .forEach(provider -> provider.setPasswordEncoder(verifiedSecrets)))
                    // a native app (no secret) refreshes its tokens with a proof of its key, never without
                    .authenticationConverter(PublicClientRefresh.converter())
                    .authenticationProvider(new PublicClientRefresh(clients)));
            server.oidc(oidc -> oidc.userInfoEndpoint(userInfo -> userInfo.userInfoMapper(claims::userInfo))
                    .logoutEndpoint(logout -> logout.logoutResponseHandler(signedOut))
                    .providerConfigurationEndpoint(discovery -> discovery.providerConfigurationCustomizer(provider ->
                            provider.claim("acr_values_supported", List.of(Claims.ACR_PASSWORD, Claims.ACR_MFA))
                                    .claim("claims_supported", CLAIMS)
                                    .claim("backchannel_logout_supported", true)
                                    .claim("backchannel_logout_session_supported", true)
                                    .scopes(scopes -> scopes.add(Claims.ROLES)))));
        });
        http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated());
        // people who are not signed in go to Guichet's login page, and back
        var pagesForPeople = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
        pagesForPeople.setIgnoredMediaTypes(Set.of(MediaType.ALL));
        http.exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
                new LoginUrlAuthenticationEntryPoint("/login"), pagesForPeople));
        http.oauth2ResourceServer(resource -> resource.jwt(withDefaults()));
        http.addFilterAfter(gate, SecurityContextHolderFilter.class);
        http.addFilterBefore(new DPoPReplay(settings.getTokenEndpoint(), proofs), SecurityContextHolderFilter.class);
        http.headers(headers -> headers.addHeaderWriter(SecurityHeaders.contentSecurityPolicy(formTargets))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.get(SecurityHeaders.REFERRER_POLICY))));
        return http.build();
    }

    private static final List<String> CLAIMS = List.of(
            "sub",
            "iss",
            "aud",
            "exp",
            "iat",
            "auth_time",
            "nonce",
            "acr",
            "amr",
            "sid",
            "at_hash",
            "channel",
            "preferred_username",
            "name",
            "given_name",
            "family_name",
            "locale",
            "email",
            "email_verified",
            "roles",
            "department",
            "department_name");

    /** The issuer when configured; else Spring takes the address each request came to. */
    @Bean
    AuthorizationServerSettings authorizationServerSettings(SsoSettings settings) {
        var builder = AuthorizationServerSettings.builder();
        if (!settings.issuer().isBlank()) {
            builder.issuer(settings.issuer().strip());
        }
        return builder.build();
    }

    @Bean
    TrackedAuthorizations authorizationService(
            JdbcOperations jdbc,
            RegisteredClientRepository clients,
            SsoSessionRepository sessions,
            DeviceRepository devices,
            ClientConnections connections,
            TransactionalEvents events,
            org.springframework.transaction.PlatformTransactionManager transactionManager,
            Clock clock) {
        return new TrackedAuthorizations(
                new JdbcOAuth2AuthorizationService(jdbc, clients),
                clients,
                sessions,
                devices,
                connections,
                events,
                new org.springframework.transaction.support.TransactionTemplate(transactionManager),
                clock);
    }

    @Bean
    OAuth2AuthorizationConsentService authorizationConsentService(
            JdbcOperations jdbc, RegisteredClientRepository clients) {
        return new JdbcOAuth2AuthorizationConsentService(jdbc, clients);
    }

    /**
     * The tokens: JWT access and ID tokens with Guichet's claims, reference tokens for a client that asks for them,
     * each access token issued on a DPoP proof confirmed with the proof's key ({@code cnf.jkt}); and refresh tokens,
     * which a native app gets only when bound to its key ({@link DPoPBoundRefreshTokens}).
     */
    @Bean
    OAuth2TokenGenerator<OAuth2Token> tokenGenerator(JwtEncoder encoder, Claims claims, Clock clock) {
        var jwt = new JwtGenerator(encoder);
        jwt.setJwtCustomizer(context -> {
            if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
                var confirmation = ProofOfPossession.confirmation(context);
                if (confirmation != null) {
                    context.getClaims().claim("cnf", confirmation);
                }
            }
            claims.customize(context);
        });
        var reference = new OAuth2AccessTokenGenerator();
        reference.setAccessTokenCustomizer(context -> {
            var confirmation = ProofOfPossession.confirmation(context);
            if (confirmation != null) {
                context.getClaims().claim("cnf", confirmation);
            }
        });
        return new DelegatingOAuth2TokenGenerator(jwt, reference, new DPoPBoundRefreshTokens(clock));
    }

    /** Signs with the one key that signs now, among those published. */
    @Bean
    JwtEncoder jwtEncoder(TokenKeys keys) {
        var encoder = new NimbusJwtEncoder(keys);
        encoder.setJwkSelector(keys::signer);
        return encoder;
    }

    /**
     * Spring's authorization server would track sessions in memory, on one node, to derive {@code sid}: Guichet's
     * sessions are in the shared store, and {@code sid} is the session's stable key ({@link Claims}).
     */
    @Bean
    SessionRegistry authorizationServerSessions() {
        return new SessionRegistry() {
            @Override
            public List<Object> getAllPrincipals() {
                return List.of();
            }

            @Override
            public List<SessionInformation> getAllSessions(Object principal, boolean includeExpiredSessions) {
                return List.of();
            }

            @Override
            public SessionInformation getSessionInformation(String sessionId) {
                return null;
            }

            @Override
            public void refreshLastRequest(String sessionId) {}

            @Override
            public void registerNewSession(String sessionId, Object principal) {}

            @Override
            public void removeSessionInformation(String sessionId) {}
        };
    }
}
