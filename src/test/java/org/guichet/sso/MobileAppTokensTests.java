package org.guichet.sso;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.dpop.DefaultDPoPProofFactory;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.AccessTokenType;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import java.net.URI;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Map;
import org.guichet.testing.Agents;
import org.guichet.testing.TestClockConfiguration;
import org.guichet.testing.TestData;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The phone app's tokens, with the Nimbus SDK playing the app (PKCE through the browser, RFC 8252; DPoP proofs, RFC
 * 9449): signed in to a loopback address on a port of its choosing, its access token is bound to its key, and with
 * {@code offline_access} it keeps a refresh token bound to the same key, which slides; a refresh without a proof, with
 * another key, or with a proof already seen is refused, and a used refresh token is never taken again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
@Import({TestClockConfiguration.class, Agents.class})
class MobileAppTokensTests {

    private static final String APP = "guichet-mobile";

    @LocalServerPort
    int port;

    @Autowired
    Agents agents;

    @Autowired
    JdbcClient jdbc;

    private URI tokenEndpoint() {
        return URI.create("http://127.0.0.1:" + port + "/oauth2/token");
    }

    private static ECKey newKey() throws Exception {
        return new ECKeyGenerator(Curve.P_256).generate();
    }

    /** A token request as the app sends it: no secret, with a proof of this key (or none). */
    private TokenResponse send(AuthorizationGrant grant, @Nullable ECKey key) throws Exception {
        return send(
                grant,
                key == null
                        ? null
                        : new DefaultDPoPProofFactory(key, JWSAlgorithm.ES256).createDPoPJWT("POST", tokenEndpoint()));
    }

    private TokenResponse send(AuthorizationGrant grant, @Nullable SignedJWT proof) throws Exception {
        var http = new TokenRequest(tokenEndpoint(), new ClientID(APP), grant).toHTTPRequest();
        if (proof != null) {
            http.setDPoP(proof);
        }
        return OIDCTokenResponseParser.parse(http.send());
    }

    /** The agent signs in through the phone's browser; the app exchanges the code, with a proof of this key. */
    private TokenResponse signIn(Agents.TestAgent person, String scope, @Nullable ECKey key) throws Exception {
        var phone = new OidcAgent(port, TestData.officeAddress());
        // a loopback redirect on whatever port the app listens on (RFC 8252 §7.3)
        var redirect = "http://127.0.0.1:" + (40_000 + (int) (Math.random() * 20_000)) + "/callback";
        var request = phone.request(APP, redirect, scope, Map.of());
        phone.get(request.pathAndQuery());
        var back = phone.follow(phone.signIn(person.login()));
        var code = OidcAgent.code(back, request);
        return send(new AuthorizationCodeGrant(code, URI.create(redirect), request.verifier()), key);
    }

    private static String error(TokenResponse response) {
        assertThat(response.indicatesSuccess()).isFalse();
        return response.toErrorResponse().getErrorObject().getCode();
    }

    @Test
    void tokensWhenTheAppProvesItsKeyThenBoundToItAndRefreshedOnlyWithIt() throws Exception {
        var person = agents.create().build();
        var key = newKey();
        var tokens = signIn(person, "openid offline_access", key);
        assertThat(tokens.indicatesSuccess())
                .as(() -> String.valueOf(tokens.toErrorResponse().getErrorObject()))
                .isTrue();
        var issued = tokens.toSuccessResponse().getTokens();
        assertThat(issued.getAccessToken().getType()).isEqualTo(AccessTokenType.DPOP);
        var claims = SignedJWT.parse(issued.getAccessToken().getValue()).getJWTClaimsSet();
        assertThat(claims.getJSONObjectClaim("cnf"))
                .containsEntry("jkt", key.computeThumbprint().toString());
        assertThat(claims.getSubject()).isEqualTo(person.soi());
        var refresh = issued.getRefreshToken();
        assertThat(refresh).isNotNull();

        // refreshed with the same key: new tokens, bound to it, the refresh token sliding 30 days from now
        var refreshed = send(new RefreshTokenGrant(refresh), key);
        assertThat(refreshed.indicatesSuccess())
                .as(() -> String.valueOf(refreshed.toErrorResponse().getErrorObject()))
                .isTrue();
        var next = refreshed.toSuccessResponse().getTokens();
        assertThat(next.getAccessToken().getType()).isEqualTo(AccessTokenType.DPOP);
        assertThat(next.getRefreshToken()).isNotNull().isNotEqualTo(refresh);
        var expires = jdbc.sql(
                        "SELECT refresh_token_expires_at FROM oauth2_authorization WHERE refresh_token_value = ?")
                .param(next.getRefreshToken().getValue().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .query(Timestamp.class)
                .single()
                .toInstant();
        assertThat(expires).isAfter(java.time.Instant.now().plus(Duration.ofDays(29)));

        // another key, no proof, or a proof seen before (on any node: the store is the database): refused
        assertThat(error(send(new RefreshTokenGrant(next.getRefreshToken()), newKey())))
                .isEqualTo("invalid_dpop_proof");
        assertThat(error(send(new RefreshTokenGrant(next.getRefreshToken()), (SignedJWT) null)))
                .isEqualTo("invalid_dpop_proof");
        var proof = new DefaultDPoPProofFactory(key, JWSAlgorithm.ES256).createDPoPJWT("POST", tokenEndpoint());
        var once = send(new RefreshTokenGrant(next.getRefreshToken()), proof);
        assertThat(once.indicatesSuccess()).isTrue();
        var latest = once.toSuccessResponse().getTokens().getRefreshToken();
        var again = send(new RefreshTokenGrant(latest), proof);
        assertThat(error(again)).isEqualTo("invalid_dpop_proof");
        assertThat(again.toErrorResponse().getErrorObject().getDescription()).contains("used already");

        // a used refresh token presented again (stolen, replayed): refused, and every token of the app with it
        assertThat(error(send(new RefreshTokenGrant(refresh), key))).isEqualTo("invalid_grant");
        assertThat(error(send(new RefreshTokenGrant(latest), key))).isEqualTo("invalid_grant");
    }

    @Test
    void tokensWhenNoProofOrNoOfflineAccessThenNoRefreshToken() throws Exception {
        var person = agents.create().build();
        // no proof: a bearer token, and no refresh token for an app that holds no secret
        var bearer = signIn(person, "openid offline_access", null);
        assertThat(bearer.indicatesSuccess()).isTrue();
        assertThat(bearer.toSuccessResponse().getTokens().getAccessToken().getType())
                .isEqualTo(AccessTokenType.BEARER);
        assertThat(bearer.toSuccessResponse().getTokens().getRefreshToken()).isNull();
        // a proof but no offline_access: bound tokens, no refresh token
        var online = signIn(person, "openid", newKey());
        assertThat(online.indicatesSuccess()).isTrue();
        assertThat(online.toSuccessResponse().getTokens().getAccessToken().getType())
                .isEqualTo(AccessTokenType.DPOP);
        assertThat(online.toSuccessResponse().getTokens().getRefreshToken()).isNull();
        // a refresh token that does not exist, with a proof: refused like any unknown grant
        assertThat(error(send(new RefreshTokenGrant(new RefreshToken("not-a-token")), newKey())))
                .isEqualTo("invalid_grant");
    }
}
