package org.guichet.sso.server;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.guichet.identity.PasswordSignIn;
import org.guichet.platform.PlatformError;
import org.guichet.platform.ProblemResponses;
import org.guichet.platform.web.ApiTokens;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.cache.Cache;
import org.springframework.cache.support.SimpleValueWrapper;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.jwt.DPoPProofJwtDecoderFactory;
import org.springframework.security.oauth2.jwt.DPoPProofReplayValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.resource.authentication.DPoPAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.authentication.DPoPAuthenticationConverter;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;

/**
 * The JSON API as a resource server for the mobile app: a call to {@code /api/v1/**} with {@code Authorization: DPoP
 * <token>} and its {@code DPoP} proof (RFC 9449) is authenticated as the agent the token was given for, and then goes
 * through every rule a call with the browser's session goes through (the second factor its channel asks for, the
 * service's access policy from that call's own channel, roles). Never a bearer token: a token of Guichet's is only
 * taken with a proof of the key it is bound to. The proof's {@code jti} is remembered in the shared database, so a
 * proof replayed on another node is refused. Each call reads the token's authorization: a revoked device's token is
 * refused at once, though its signature is still good. What a token may reach is limited by its scopes ({@link
 * ApiScopes}).
 */
@Component
@ConditionalOnWebApplication
class AppTokens implements ApiTokens {

    /** A call to the API that carries a DPoP-bound token. */
    static final RequestMatcher API_WITH_DPOP = request -> {
        var authorization = request.getHeader("Authorization");
        var path = request.getRequestURI().substring(request.getContextPath().length());
        return authorization != null && authorization.regionMatches(true, 0, "DPoP ", 0, 5) && path.startsWith("/api/");
    };

    private final TokenKeys keys;
    private final TrackedAuthorizations authorizations;
    private final PasswordSignIn signIn;
    private final DPoPProofs proofs;
    private final ProblemResponses problems;
    private final DeviceRepository devices;
    private final org.guichet.network.ClientConnections connections;
    private final Clock clock;

    AppTokens(
            TokenKeys keys,
            TrackedAuthorizations authorizations,
            PasswordSignIn signIn,
            DPoPProofs proofs,
            ProblemResponses problems,
            DeviceRepository devices,
            org.guichet.network.ClientConnections connections,
            Clock clock) {
        this.keys = keys;
        this.authorizations = authorizations;
        this.signIn = signIn;
        this.proofs = proofs;
        this.problems = problems;
        this.devices = devices;
        this.connections = connections;
        this.clock = clock;
    }

    /**
     * The agent a token stands for, with what their session would hold: the factors they signed in with (as the
     * authorization recorded them), their roles as the directory says now, and the token's scopes.
     */
    static final class AppAuthentication extends JwtAuthenticationToken {

        private static final long serialVersionUID = 1L;

        private final String authorizationId;

        AppAuthentication(Jwt jwt, List<GrantedAuthority> authorities, String soi, String authorizationId) {
            super(jwt, authorities, soi);
            this.authorizationId = authorizationId;
        }

        /** The device: the authorization the token belongs to. */
        String authorizationId() {
            return authorizationId;
        }
    }

    @Override
    public void apply(HttpSecurity http) throws Exception {
        var decoder = NimbusJwtDecoder.withJwkSource(keys).build();
        var tokens = new JwtAuthenticationProvider(decoder);
        tokens.setJwtAuthenticationConverter(this::agent);
        var proofsVerifier = new DPoPProofJwtDecoderFactory();
        proofsVerifier.setJwtValidatorFactory(DPoPProofJwtDecoderFactory.createDefaultJwtValidatorFactory(
                List.of(new DPoPProofReplayValidator(new SharedProofs(proofs)))));
        var dPoP = new DPoPAuthenticationProvider(new ProviderManager(tokens));
        dPoP.setDPoPProofVerifierFactory(proofsVerifier);
        var filter = new AuthenticationFilter(new ProviderManager(dPoP), new DPoPAuthenticationConverter());
        filter.setRequestMatcher(API_WITH_DPOP);
        filter.setSuccessHandler((request, response, authentication) -> {});
        filter.setFailureHandler(this::refuse);
        filter.setSecurityContextRepository(new RequestAttributeSecurityContextRepository());
        http.addFilterBefore(filter, AnonymousAuthenticationFilter.class);
        // no cookie goes with the app's calls: a forged cross-site request cannot carry its token and proof
        http.csrf(csrf -> csrf.ignoringRequestMatchers(API_WITH_DPOP));
        http.addFilterBefore(new ApiScopes(problems), AuthorizationFilter.class);
    }

    /** The token's agent, or a refusal when its authorization is gone or revoked, or the agent can no longer sign in. */
    private AppAuthentication agent(Jwt jwt) {
        var authorization = authorizations.findByToken(jwt.getTokenValue(), OAuth2TokenType.ACCESS_TOKEN);
        var accessToken = authorization == null ? null : authorization.getToken(OAuth2AccessToken.class);
        if (authorization == null || accessToken == null || !accessToken.isActive()) {
            throw invalid("This token was revoked.");
        }
        var authorities = new ArrayList<GrantedAuthority>();
        if (authorization.getAttribute(Principal.class.getName()) instanceof Authentication signedIn) {
            signedIn.getAuthorities().stream()
                    .filter(FactorGrantedAuthority.class::isInstance)
                    .forEach(authorities::add);
        }
        try {
            var account = signIn.accounts().loadUserByUsername(jwt.getSubject());
            if (!account.isEnabled()) {
                throw invalid("This agent can no longer sign in.");
            }
            authorities.addAll(account.getAuthorities());
        } catch (UsernameNotFoundException gone) {
            throw invalid("This agent can no longer sign in.");
        }
        if (org.springframework.web.context.request.RequestContextHolder.getRequestAttributes()
                instanceof org.springframework.web.context.request.ServletRequestAttributes attributes) {
            devices.touch(
                    authorization.getId(),
                    connections.of(attributes.getRequest()).channel().name(),
                    clock.instant());
        }
        var scopes = jwt.getClaimAsStringList("scope");
        if (scopes != null) {
            scopes.forEach(scope -> authorities.add(new SimpleGrantedAuthority("SCOPE_" + scope)));
        }
        return new AppAuthentication(jwt, authorities, jwt.getSubject(), authorization.getId());
    }

    private static OAuth2AuthenticationException invalid(String why) {
        return new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, why, null));
    }

    /** A refused token or proof: 401 with the reason in {@code WWW-Authenticate}, and the API's problem details. */
    private void refuse(HttpServletRequest request, HttpServletResponse response, AuthenticationException refused)
            throws IOException {
        var error = refused instanceof OAuth2AuthenticationException oauth
                ? oauth.getError()
                : new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN);
        var header =
                new StringBuilder("DPoP error=\"").append(error.getErrorCode()).append('"');
        if (error.getDescription() != null) {
            header.append(", error_description=\"")
                    .append(error.getDescription().replace("\"", "'"))
                    .append('"');
        }
        header.append(", algs=\"ES256 RS256 PS256\"");
        response.setHeader("WWW-Authenticate", header.toString());
        response.setHeader("Cache-Control", "no-store");
        problems.write(request, response, PlatformError.UNAUTHENTICATED, Map.of("error", error.getErrorCode()));
    }

    /**
     * Spring's DPoP proof replay check, with the proofs remembered in the database every node shares rather than in
     * one node's memory: only {@code putIfAbsent} is used.
     */
    private record SharedProofs(DPoPProofs proofs) implements Cache {

        @Override
        public String getName() {
            return "dpop-proofs";
        }

        @Override
        public Object getNativeCache() {
            return proofs;
        }

        @Override
        public @Nullable ValueWrapper putIfAbsent(Object key, @Nullable Object value) {
            return proofs.firstUse(String.valueOf(key)) ? null : new SimpleValueWrapper(value);
        }

        @Override
        public @Nullable ValueWrapper get(Object key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <T> @Nullable T get(Object key, @Nullable Class<T> type) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <T> @Nullable T get(Object key, Callable<T> valueLoader) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void put(Object key, @Nullable Object value) {
            proofs.firstUse(String.valueOf(key));
        }

        @Override
        public void evict(Object key) {}

        @Override
        public void clear() {}
    }
}
