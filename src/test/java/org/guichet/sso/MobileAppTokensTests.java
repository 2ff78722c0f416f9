package org.guichet.sso;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.token.AccessTokenType;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.guichet.testing.Agents;
import org.guichet.testing.TestClockConfiguration;
import org.guichet.testing.TestData;
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

    @LocalServerPort
    int port;

    @Autowired
    Agents agents;

    @Autowired
    JdbcClient jdbc;

    private static String error(TokenResponse response) {
        assertThat(response.indicatesSuccess()).isFalse();
        return response.toErrorResponse().getErrorObject().getCode();
    }

    private TokenResponse signIn(MobileApp app, Agents.TestAgent person, String scope, boolean withProof)
            throws Exception {
        return app.signIn(person.login(), scope, TestData.officeAddress(), Map.of(), withProof);
    }

    @Test
    void tokensWhenTheAppProvesItsKeyThenBoundToItAndRefreshedOnlyWithIt() throws Exception {
        var person = agents.create().build();
        var app = new MobileApp(port);
        var tokens = signIn(app, person, "openid offline_access", true);
        assertThat(tokens.indicatesSuccess())
                .as(() -> String.valueOf(tokens.toErrorResponse().getErrorObject()))
                .isTrue();
        var issued = tokens.toSuccessResponse().getTokens();
        assertThat(issued.getAccessToken().getType()).isEqualTo(AccessTokenType.DPOP);
        var claims = SignedJWT.parse(issued.getAccessToken().getValue()).getJWTClaimsSet();
        assertThat(claims.getJSONObjectClaim("cnf"))
                .containsEntry("jkt", app.key.computeThumbprint().toString());
        assertThat(claims.getSubject()).isEqualTo(person.soi());
        var refresh = issued.getRefreshToken();
        assertThat(refresh).isNotNull();

        // refreshed with the same key: new tokens, bound to it, the refresh token sliding 30 days from now
        var refreshed = app.token(new RefreshTokenGrant(refresh));
        assertThat(refreshed.indicatesSuccess())
                .as(() -> String.valueOf(refreshed.toErrorResponse().getErrorObject()))
                .isTrue();
        var next = refreshed.toSuccessResponse().getTokens();
        assertThat(next.getAccessToken().getType()).isEqualTo(AccessTokenType.DPOP);
        assertThat(next.getRefreshToken()).isNotNull().isNotEqualTo(refresh);
        // (token columns are a BLOB on H2 and text on PostgreSQL: found by the agent, who has this one sign-in)
        var expires = jdbc.sql("SELECT refresh_token_expires_at FROM oauth2_authorization WHERE principal_name = ?")
                .param(person.soi())
                .query(Timestamp.class)
                .single()
                .toInstant();
        assertThat(expires).isAfter(Instant.now().plus(Duration.ofDays(29)));

        // another key, no proof, or a proof seen before (on any node: the store is the database): refused
        assertThat(error(new MobileApp(port).token(new RefreshTokenGrant(next.getRefreshToken()))))
                .isEqualTo("invalid_dpop_proof");
        assertThat(error(app.token(new RefreshTokenGrant(next.getRefreshToken()), null)))
                .isEqualTo("invalid_dpop_proof");
        var proof = app.proof("POST", app.uri("/oauth2/token"), null);
        var once = app.token(new RefreshTokenGrant(next.getRefreshToken()), proof);
        assertThat(once.indicatesSuccess()).isTrue();
        var latest = once.toSuccessResponse().getTokens().getRefreshToken();
        var again = app.token(new RefreshTokenGrant(latest), proof);
        assertThat(error(again)).isEqualTo("invalid_dpop_proof");
        assertThat(again.toErrorResponse().getErrorObject().getDescription()).contains("used already");

        // a used refresh token presented again (stolen, replayed): refused, and every token of the app with it
        assertThat(error(app.token(new RefreshTokenGrant(refresh)))).isEqualTo("invalid_grant");
        assertThat(error(app.token(new RefreshTokenGrant(latest)))).isEqualTo("invalid_grant");
    }

    @Test
    void tokensWhenNoProofOrNoOfflineAccessThenNoRefreshToken() throws Exception {
        var person = agents.create().build();
        var app = new MobileApp(port);
        // no proof: a bearer token, and no refresh token for an app that holds no secret
        var bearer = signIn(app, person, "openid offline_access", false);
        assertThat(bearer.indicatesSuccess()).isTrue();
        assertThat(bearer.toSuccessResponse().getTokens().getAccessToken().getType())
                .isEqualTo(AccessTokenType.BEARER);
        assertThat(bearer.toSuccessResponse().getTokens().getRefreshToken()).isNull();
        // a proof but no offline_access: bound tokens, no refresh token
        var online = signIn(app, person, "openid", true);
        assertThat(online.indicatesSuccess()).isTrue();
        assertThat(online.toSuccessResponse().getTokens().getAccessToken().getType())
                .isEqualTo(AccessTokenType.DPOP);
        assertThat(online.toSuccessResponse().getTokens().getRefreshToken()).isNull();
        // a refresh token that does not exist, with a proof: refused like any unknown grant
        assertThat(error(app.token(new RefreshTokenGrant(new RefreshToken("not-a-token")))))
                .isEqualTo("invalid_grant");
    }

    @Test
    void refreshWhenTheSameTokenIsPresentedFourTimesAtOnceThenExchangedOnce() throws Exception {
        // the app and copies of its refresh token (a thief's, a retry) at the same moment: one exchange wins, the
        // others are replays, which end the whole family; tried twenty times, the race being the point (a loser that
        // read the authorization after a replay had removed it saved it back as new: about one round in ten did)
        for (int round = 0; round < 20; round++) {
            var app = new MobileApp(port);
            var tokens = signIn(app, agents.create().build(), "openid offline_access", true);
            var refresh = tokens.toSuccessResponse().getTokens().getRefreshToken();
            var calls = new java.util.ArrayList<java.util.concurrent.Callable<TokenResponse>>();
            for (int i = 0; i < 4; i++) {
                calls.add(() -> app.token(new RefreshTokenGrant(refresh)));
            }

            var answers = org.guichet.testing.AtOnce.call(calls);

            assertThat(answers.stream().filter(TokenResponse::indicatesSuccess))
                    .as("round %d: exchanged once", round)
                    .hasSize(1);
            assertThat(answers.stream()
                            .filter(answer -> !answer.indicatesSuccess())
                            .map(MobileAppTokensTests::error))
                    .containsOnly("invalid_grant");
        }
    }
}
