package org.guichet.sso.server;

import java.time.Clock;
import java.util.Base64;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.keygen.Base64StringKeyGenerator;
import org.springframework.security.crypto.keygen.StringKeyGenerator;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.OAuth2RefreshTokenGenerator;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenGenerator;

/**
 * Refresh tokens. A confidential application gets them as Spring's authorization server gives them. A public client
 * (a native app on a phone: it holds no secret) gets one only when its token request carried a DPoP proof and the
 * agent granted {@code offline_access}: the refresh token is then bound to the app's key (RFC 9449 §5), the token
 * endpoint refuses it with any other key ({@link PublicClientRefresh}), and each use gives a new one valid for the
 * client's refresh lifetime from then: it slides while the app is used, and dies with the device's key.
 */
final class DPoPBoundRefreshTokens implements OAuth2TokenGenerator<OAuth2RefreshToken> {

    static final String OFFLINE_ACCESS = "offline_access";

    private final OAuth2RefreshTokenGenerator confidential = new OAuth2RefreshTokenGenerator();
    private final StringKeyGenerator values =
            new Base64StringKeyGenerator(Base64.getUrlEncoder().withoutPadding(), 96);
    private final Clock clock;

    DPoPBoundRefreshTokens(Clock clock) {
        this.clock = clock;
        this.confidential.setClock(clock);
    }

    @Override
    public @Nullable OAuth2RefreshToken generate(OAuth2TokenContext context) {
        if (!OAuth2TokenType.REFRESH_TOKEN.equals(context.getTokenType())) {
            return null;
        }
        var client = context.getRegisteredClient();
        if (!client.getClientAuthenticationMethods().contains(ClientAuthenticationMethod.NONE)) {
            return confidential.generate(context);
        }
        if (context.get(OAuth2TokenContext.DPOP_PROOF_KEY) == null
                || !context.getAuthorizedScopes().contains(OFFLINE_ACCESS)) {
            return null;
        }
        var issuedAt = clock.instant();
        return new OAuth2RefreshToken(
                values.generateKey(),
                issuedAt,
                issuedAt.plus(client.getTokenSettings().getRefreshTokenTimeToLive()));
    }
}
