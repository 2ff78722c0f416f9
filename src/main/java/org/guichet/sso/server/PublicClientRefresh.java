package org.guichet.sso.server;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * A native app (a public client: it holds no secret) at the token endpoint with a refresh token. Spring's authorization
 * server knows public clients only in the code exchange (by their PKCE verifier); here one is let in for a refresh, but
 * only with a DPoP proof, which the refresh then checks against the key the tokens were bound to: a refresh token
 * stolen from a phone is useless without the phone's key. Without a proof the request is refused before anything else.
 */
final class PublicClientRefresh implements AuthenticationProvider {

    private final RegisteredClientRepository clients;

    PublicClientRefresh(RegisteredClientRepository clients) {
        this.clients = clients;
    }

    /** A native app asking for a refresh, before its client id is checked. */
    static final class Request extends OAuth2ClientAuthenticationToken {

        private static final long serialVersionUID = 1L;

        Request(String clientId) {
            super(clientId, ClientAuthenticationMethod.NONE, null, Map.of());
        }
    }

    /** Recognises {@code grant_type=refresh_token} with a {@code client_id} and no secret of any kind. */
    static AuthenticationConverter converter() {
        return PublicClientRefresh::convert;
    }

    private static @Nullable Authentication convert(HttpServletRequest request) {
        if (!"POST".equals(request.getMethod())
                || !AuthorizationGrantType.REFRESH_TOKEN
                        .getValue()
                        .equals(request.getParameter(OAuth2ParameterNames.GRANT_TYPE))
                || request.getHeader(HttpHeaders.AUTHORIZATION) != null
                || request.getParameter(OAuth2ParameterNames.CLIENT_SECRET) != null
                || request.getParameter(OAuth2ParameterNames.CLIENT_ASSERTION) != null) {
            return null;
        }
        var clientIds = request.getParameterValues(OAuth2ParameterNames.CLIENT_ID);
        if (clientIds == null) {
            return null;
        }
        if (clientIds.length != 1 || clientIds[0].isBlank()) {
            throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_REQUEST);
        }
        var proofs = request.getHeaders("DPoP");
        if (proofs == null || !proofs.hasMoreElements()) {
            throw new OAuth2AuthenticationException(new OAuth2Error(
                    "invalid_dpop_proof", "A native app refreshes its tokens with a DPoP proof.", null));
        }
        return new Request(clientIds[0]);
    }

    @Override
    public @Nullable Authentication authenticate(Authentication authentication) {
        var request = (Request) authentication;
        RegisteredClient client = clients.findByClientId(String.valueOf(request.getPrincipal()));
        if (client == null || !ApplicationStore.nativeApp(client)) {
            throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_CLIENT);
        }
        return new OAuth2ClientAuthenticationToken(client, ClientAuthenticationMethod.NONE, null);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return Request.class.isAssignableFrom(authentication);
    }
}
