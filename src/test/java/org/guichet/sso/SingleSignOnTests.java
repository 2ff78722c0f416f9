package org.guichet.sso;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.TokenIntrospectionRequest;
import com.nimbusds.oauth2.sdk.TokenIntrospectionResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.guichet.testing.Agents;
import org.guichet.testing.Demo;
import org.guichet.testing.MutableClock;
import org.guichet.testing.TestClockConfiguration;
import org.guichet.testing.TestData;
import org.guichet.testing.Totp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * Applications sign agents in through Guichet as the specifications say: a relying party written with the Nimbus
 * SDK, over real HTTP, checks what it is given; the access policy decides at the authorization, with Guichet's own
 * explanation; bad requests get the errors the specifications name.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
@Import({TestClockConfiguration.class, Agents.class})
class SingleSignOnTests {

    static final String GIS = "gis";
    static final String GIS_SECRET = "gis-demo-secret";
    static final String GIS_REDIRECT = "http://127.0.0.1:9081/login/oauth2/code/guichet";
    static final String SCOPES = "openid profile email roles";

    @LocalServerPort
    int port;

    @Autowired
    Agents agents;

    @Autowired
    MutableClock clock;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void signInWhenFromTheOfficeThenTheApplicationGetsAValidIdTokenWithTheAgentsClaims() throws Exception {
        var agent = new OidcAgent(port, TestData.officeAddress());
        var request = agent.request(GIS, GIS_REDIRECT, SCOPES, Map.of());

        var first = agent.get(request.pathAndQuery());
        assertThat(first.statusCode()).isEqualTo(302);
        assertThat(OidcAgent.location(first)).endsWith("/login");
        var back = agent.follow(agent.signIn(Demo.CAMILLE));
        var tokens = agent.exchange(request, OidcAgent.code(back, request), GIS, GIS_SECRET);
        var claims = agent.validate(tokens, request, GIS);

        assertThat(claims.getSubject().getValue()).isEqualTo(Demo.CAMILLE_SOI);
        assertThat(claims.getStringClaim("preferred_username")).isEqualTo(Demo.CAMILLE);
        assertThat(claims.getStringClaim("email")).endsWith("@ville.example");
        assertThat(claims.getStringListClaim("amr")).containsExactly("pwd");
        assertThat(claims.getACR().getValue()).isEqualTo("urn:guichet:loa:password");
        assertThat(claims.getStringClaim("channel")).isEqualTo("internal");
        assertThat(claims.getStringClaim("sid")).isNotBlank();
        assertThat(claims.getAuthenticationTime()).isNotNull();
        assertThat(claims.getStringListClaim("roles")).contains("AGENT");
    }

    @Test
    void signInWhenTheScopesAreFewerThenTheIdTokenSaysLess() throws Exception {
        var agent = new OidcAgent(port, TestData.officeAddress());
        var request = agent.request(GIS, GIS_REDIRECT, "openid", Map.of());
        agent.get(request.pathAndQuery());

        var back = agent.follow(agent.signIn(agents.create().build().login()));
        var claims =
                agent.validate(agent.exchange(request, OidcAgent.code(back, request), GIS, GIS_SECRET), request, GIS);

        assertThat(claims.getSubject().getValue()).matches("\\d{7}");
        assertThat(claims.getClaim("email")).isNull();
        assertThat(claims.getClaim("preferred_username")).isNull();
        assertThat(claims.getClaim("roles")).isNull();
    }

    @Test
    void authorizeWhenFromTheInternetThenGuichetExplainsThatTheGisOnlyOpensFromTheOffice() throws Exception {
        var person = agents.create().withTotp().withRemoteAccess().build();
        var agent = new OidcAgent(port, TestData.address());
        var request = agent.request(GIS, GIS_REDIRECT, SCOPES, Map.of());
        agent.get(request.pathAndQuery());

        // the internet asks for the second factor first, then comes back to the authorization
        var step = agent.follow(agent.signIn(person.login()));
        assertThat(step.uri().getPath()).isEqualTo("/sign-in/second-factor");
        var refused = agent.follow(agent.submit(step, Map.of("code", Totp.demo(clock.instant()))));

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.uri().getPath()).isEqualTo("/oauth2/authorize");
        assertThat(refused.body())
                .contains("data-reason=\"CHANNEL_NOT_ALLOWED\"")
                .contains("class=\"reference\"")
                .doesNotContain("9081");
    }

    @Test
    void authorizeWhenTheLoopbackRedirectNamesAnotherPortThenTheGisIsStillRefusedFromTheInternet() throws Exception {
        // Spring accepts a registered loopback redirect on any port (RFC 8252 §7.3, for native apps): the access
        // policy must decide it all the same (it once let such a request through undecided)
        var person = agents.create().withTotp().withRemoteAccess().build();
        var agent = new OidcAgent(port, TestData.address());
        var request = agent.request(GIS, GIS_REDIRECT.replace(":9081/", ":9082/"), SCOPES, Map.of());
        agent.get(request.pathAndQuery());
        var step = agent.follow(agent.signIn(person.login()));
        var refused = agent.follow(agent.submit(step, Map.of("code", Totp.demo(clock.instant()))));

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("data-reason=\"CHANNEL_NOT_ALLOWED\"");
        assertThat(OidcAgent.location(refused)).doesNotContain("code=");
    }

    @Test
    void authorizeWhenTheApplicationAsksForASecondFactorThenTheAgentGivesOneFirst() throws Exception {
        var person = agents.create().withTotp().build();
        var agent = new OidcAgent(port, TestData.officeAddress());
        var request = agent.request(GIS, GIS_REDIRECT, SCOPES, Map.of("acr_values", "urn:guichet:loa:mfa"));
        agent.get(request.pathAndQuery());

        var confirm = agent.follow(agent.signIn(person.login()));
        assertThat(confirm.uri().getPath()).isEqualTo("/sign-in/confirm");
        var back = agent.follow(agent.submit(confirm, Map.of("code", Totp.demo(clock.instant()))));
        var claims =
                agent.validate(agent.exchange(request, OidcAgent.code(back, request), GIS, GIS_SECRET), request, GIS);

        assertThat(claims.getACR().getValue()).isEqualTo("urn:guichet:loa:mfa");
        assertThat(claims.getStringListClaim("amr")).containsExactly("mfa", "otp", "pwd");
    }

    @Test
    void authorizeWhenPromptLoginThenTheAgentProvesThemselvesAgainEvenWhenSignedIn() throws Exception {
        var person = agents.create().build();
        var agent = new OidcAgent(port, TestData.officeAddress());
        var first = agent.request(GIS, GIS_REDIRECT, SCOPES, Map.of());
        agent.get(first.pathAndQuery());
        var back = agent.follow(agent.signIn(person.login()));
        var before = agent.validate(agent.exchange(first, OidcAgent.code(back, first), GIS, GIS_SECRET), first, GIS);
        clock.advance(Duration.ofMinutes(3));

        var again = agent.request(GIS, GIS_REDIRECT, SCOPES, Map.of("prompt", "login"));
        var confirm = agent.follow(agent.get(again.pathAndQuery()));
        assertThat(confirm.uri().getPath()).isEqualTo("/sign-in/confirm");
        var answered = agent.follow(agent.submit(confirm, Map.of("password", Demo.PASSWORD)));
        var after = agent.validate(agent.exchange(again, OidcAgent.code(answered, again), GIS, GIS_SECRET), again, GIS);

        assertThat(after.getAuthenticationTime()).isAfter(before.getAuthenticationTime());
        assertThat(after.getStringClaim("sid")).isEqualTo(before.getStringClaim("sid"));
    }

    @Test
    void authorizeWhenSignedInRecentlyEnoughForMaxAgeThenNoNewProofIsAsked() throws Exception {
        var agent = new OidcAgent(port, TestData.officeAddress());
        var first = agent.request(GIS, GIS_REDIRECT, SCOPES, Map.of());
        agent.get(first.pathAndQuery());
        agent.follow(agent.signIn(agents.create().build().login()));

        var recent = agent.request(GIS, GIS_REDIRECT, SCOPES, Map.of("max_age", "3600"));
        var answer = agent.get(recent.pathAndQuery());
        assertThat(OidcAgent.location(answer)).startsWith(GIS_REDIRECT + "?code=");
        var malformed = agent.request(GIS, GIS_REDIRECT, SCOPES, Map.of("max_age", "une-heure"));
        assertThat(OidcAgent.location(agent.get(malformed.pathAndQuery()))).startsWith("/sign-in/confirm?next=");
        clock.advance(Duration.ofMinutes(10));
        var stale = agent.request(GIS, GIS_REDIRECT, SCOPES, Map.of("max_age", "300"));
        assertThat(OidcAgent.location(agent.get(stale.pathAndQuery()))).startsWith("/sign-in/confirm?next=");
    }

    @Test
    void logoutWhenTheApplicationAsksThenGuichetsSessionEndsAndTheAgentGoesBackToIt() throws Exception {
        var agent = new OidcAgent(port, TestData.officeAddress());
        var request = agent.request(GIS, GIS_REDIRECT, SCOPES, Map.of());
        var tokens = agent.signInThrough(request, agents.create().build().login(), GIS, GIS_SECRET);
        assertThat(agent.get("/").statusCode()).isEqualTo(200);

        var logout = new com.nimbusds.openid.connect.sdk.LogoutRequest(
                URI.create(agent.base + "/connect/logout"),
                tokens.getOIDCTokens().getIDToken(),
                URI.create("http://127.0.0.1:9081/"),
                new com.nimbusds.oauth2.sdk.id.State("after-logout"));
        var answer = agent.get(logout.toURI().toString());

        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(OidcAgent.location(answer)).isEqualTo("http://127.0.0.1:9081/?state=after-logout");
        // the next visit to the login page is not told as an expired session
        assertThat(answer.headers().allValues("Set-Cookie"))
                .anySatisfy(cookie ->
                        assertThat(cookie).startsWith("GUICHET_SIGNED_IN=;").contains("1970"));
        assertThat(OidcAgent.location(agent.get("/"))).endsWith("/login");
        // the back-channel logout that follows the sign-out revokes the refresh token (asked without using it)
        var refreshToken = tokens.getOIDCTokens().getRefreshToken().getValue();
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> !introspect(refreshToken).isActive());
    }

    @Test
    void authorizeWhenNoInteractionIsAllowedThenWhatWouldShowAPageIsAnErrorSentBackWithTheState() throws Exception {
        var person = agents.create().withTotp().withRemoteAccess().build();
        var agent = new OidcAgent(port, TestData.address());
        agent.signIn(person.login());

        // from the internet the second factor is still to give: interaction required
        var pending = agent.request(GIS, GIS_REDIRECT, SCOPES, Map.of("prompt", "none"));
        var first = AuthorizationResponse.parse(URI.create(OidcAgent.location(agent.get(pending.pathAndQuery()))));
        assertThat(first.toErrorResponse().getErrorObject().getCode()).isEqualTo("interaction_required");
        assertThat(first.getState()).isEqualTo(pending.state());
        // given, the GIS is still closed from the internet: refused, said to the application instead of a page
        var step = agent.follow(agent.get("/sign-in/second-factor"));
        agent.follow(agent.submit(step, Map.of("code", Totp.demo(clock.instant()))));
        var refused = agent.request(GIS, GIS_REDIRECT, SCOPES, Map.of("prompt", "none"));
        var second = AuthorizationResponse.parse(URI.create(OidcAgent.location(agent.get(refused.pathAndQuery()))));
        assertThat(second.toErrorResponse().getErrorObject().getCode()).isEqualTo("access_denied");
        assertThat(second.getState()).isEqualTo(refused.state());
        // and signed out: login required
        var signedOut = new OidcAgent(port, TestData.officeAddress());
        var none = signedOut.request(GIS, GIS_REDIRECT, SCOPES, Map.of("prompt", "none"));
        var signedOutAnswer = signedOut.get(none.pathAndQuery());
        assertThat(OidcAgent.location(signedOutAnswer))
                .as(signedOutAnswer.statusCode() + " " + signedOutAnswer.body())
                .contains("error=");
        var third = AuthorizationResponse.parse(URI.create(OidcAgent.location(signedOutAnswer)));
        assertThat(third.toErrorResponse().getErrorObject().getCode()).isEqualTo("login_required");
        // signed in, then past the session's absolute lifetime: the session ends, and a new sign-in is required
        clock.advance(Duration.ofHours(13));
        var late = agent.request(GIS, GIS_REDIRECT, SCOPES, Map.of("prompt", "none"));
        var fourth = AuthorizationResponse.parse(URI.create(OidcAgent.location(agent.get(late.pathAndQuery()))));
        assertThat(fourth.toErrorResponse().getErrorObject().getCode()).isEqualTo("login_required");
        assertThat(fourth.getState()).isEqualTo(late.state());
    }

    // --- what the specifications refuse

    @Test
    void authorizeWhenTheClientIsUnknownOrTheRedirectUriNotRegisteredThenAnErrorPageAndNoRedirect() {
        var agent = new OidcAgent(port, TestData.officeAddress());
        agent.signIn(agents.create().build().login());

        var unknown = agent.get(
                agent.request("nobody", GIS_REDIRECT, SCOPES, Map.of()).pathAndQuery());
        var elsewhere = agent.get(agent.request(GIS, "http://127.0.0.1:9081/elsewhere", SCOPES, Map.of())
                .pathAndQuery());

        for (var answer : java.util.List.of(unknown, elsewhere)) {
            assertThat(answer.statusCode()).isEqualTo(400);
            assertThat(OidcAgent.location(answer)).isEmpty();
            assertThat(answer.body()).doesNotContain("Exception");
        }
    }

    @Test
    void authorizeWhenPkceIsMissingOrPlainThenInvalidRequestSentBackWithTheState() throws Exception {
        var agent = new OidcAgent(port, TestData.officeAddress());
        agent.signIn(agents.create().build().login());
        var base = agent.request(GIS, GIS_REDIRECT, SCOPES, Map.of());
        var withoutPkce = "/oauth2/authorize?response_type=code&client_id=gis&scope=openid&state=s1&redirect_uri="
                + java.net.URLEncoder.encode(GIS_REDIRECT, java.nio.charset.StandardCharsets.UTF_8);
        var plain = withoutPkce.replace("state=s1", "state=s2") + "&code_challenge="
                + base.verifier().getValue() + "&code_challenge_method=plain";

        // each request with the state it sent (the verifier is random and may itself contain "s1")
        for (var sent : Map.of(withoutPkce, "s1", plain, "s2").entrySet()) {
            var answer = AuthorizationResponse.parse(URI.create(OidcAgent.location(agent.get(sent.getKey()))));
            assertThat(answer.indicatesSuccess()).isFalse();
            assertThat(answer.toErrorResponse().getErrorObject().getCode()).isEqualTo("invalid_request");
            assertThat(answer.getState().getValue()).isEqualTo(sent.getValue());
        }
    }

    @Test
    void tokenWhenTheCodeIsReplayedOrExpiredOrTheVerifierWrongThenInvalidGrant() throws Exception {
        var agent = new OidcAgent(port, TestData.officeAddress());
        var first = agent.request(GIS, GIS_REDIRECT, SCOPES, Map.of());
        agent.get(first.pathAndQuery());
        var person = agents.create().build();
        var code = OidcAgent.code(agent.follow(agent.signIn(person.login())), first);
        agent.exchange(first, code, GIS, GIS_SECRET);

        var replayed = token(code, first.verifier());
        var wrongVerifierRequest = agent.request(GIS, GIS_REDIRECT, SCOPES, Map.of());
        var wrongVerifier = token(
                OidcAgent.code(agent.get(wrongVerifierRequest.pathAndQuery()), wrongVerifierRequest),
                new CodeVerifier());
        var late = agent.request(GIS, GIS_REDIRECT, SCOPES, Map.of());
        var lateCode = OidcAgent.code(agent.get(late.pathAndQuery()), late);
        // Spring's authorization server reads the system clock: the code's expiry is moved instead
        jdbc.sql("""
                        UPDATE oauth2_authorization
                        SET authorization_code_issued_at = ?, authorization_code_expires_at = ?
                        WHERE principal_name = ? AND access_token_value IS NULL""")
                .params(
                        java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(600)),
                        java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(480)),
                        person.soi())
                .update();
        var expired = token(lateCode, late.verifier());

        for (var answer : java.util.List.of(replayed, wrongVerifier, expired)) {
            assertThat(answer.indicatesSuccess())
                    .as(java.util.List.of(replayed, wrongVerifier, expired).indexOf(answer) + "")
                    .isFalse();
            assertThat(answer.toErrorResponse().getErrorObject().getCode()).isEqualTo("invalid_grant");
        }
    }

    @Test
    void tokenWhenTheSecretIsWrongThenInvalidClient() throws Exception {
        var answer = TokenResponse.parse(new TokenRequest(
                        URI.create("http://127.0.0.1:" + port + "/oauth2/token"),
                        new ClientSecretBasic(new ClientID(GIS), new Secret("not-the-secret")),
                        new AuthorizationCodeGrant(
                                new com.nimbusds.oauth2.sdk.AuthorizationCode("x"), URI.create(GIS_REDIRECT)))
                .toHTTPRequest()
                .send());

        assertThat(answer.toErrorResponse().getErrorObject().getCode()).isEqualTo("invalid_client");
        assertThat(answer.toErrorResponse().getErrorObject().getHTTPStatusCode())
                .isEqualTo(401);
    }

    // --- refresh tokens, revocation, introspection

    @Test
    void refreshWhenATokenIsUsedTwiceThenItsWholeFamilyIsRevoked() throws Exception {
        var agent = new OidcAgent(port, TestData.officeAddress());
        var request = agent.request(GIS, GIS_REDIRECT, SCOPES, Map.of());
        var tokens = agent.signInThrough(request, agents.create().build().login(), GIS, GIS_SECRET);
        var first = tokens.getOIDCTokens().getRefreshToken();

        var renewed = refresh(first);
        assertThat(renewed.indicatesSuccess()).isTrue();
        var second = renewed.toSuccessResponse().getTokens().getRefreshToken();
        assertThat(second.getValue()).isNotEqualTo(first.getValue());
        var reused = refresh(first);

        assertThat(reused.toErrorResponse().getErrorObject().getCode()).isEqualTo("invalid_grant");
        assertThat(refresh(second).toErrorResponse().getErrorObject().getCode()).isEqualTo("invalid_grant");
        assertThat(introspect(renewed.toSuccessResponse()
                                .getTokens()
                                .getAccessToken()
                                .getValue())
                        .isActive())
                .isFalse();
    }

    @Test
    void introspectWhenTheAccessTokenIsRevokedThenInactive() throws Exception {
        var office = TestData.officeAddress();
        var agent = new OidcAgent(port, office);
        var request = agent.request(GIS, GIS_REDIRECT, SCOPES, Map.of());
        var tokens = agent.signInThrough(request, agents.create().build().login(), GIS, GIS_SECRET);
        var accessToken = tokens.getOIDCTokens().getAccessToken();
        var active = introspect(accessToken.getValue());
        assertThat(active.isActive()).isTrue();
        assertThat(active.getSubject().getValue()).matches("\\d{7}");

        var revoked = new TokenRevocationRequest(URI.create(base() + "/oauth2/revoke"), gisSecret(), accessToken)
                .toHTTPRequest()
                .send();

        assertThat(revoked.getStatusCode()).isEqualTo(200);
        assertThat(introspect(accessToken.getValue()).isActive()).isFalse();
        // "my activity" names the application and where the agent signed in from
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(agent.get("/account/activity").body())
                        .contains("Connexion par Guichet à l’application\u202f: Système d’information géographique")
                        .contains("Réseau de la ville – " + office));
    }

    private TokenResponse token(com.nimbusds.oauth2.sdk.AuthorizationCode code, CodeVerifier verifier)
            throws Exception {
        return TokenResponse.parse(new TokenRequest(
                        URI.create(base() + "/oauth2/token"),
                        gisSecret(),
                        new AuthorizationCodeGrant(code, URI.create(GIS_REDIRECT), verifier))
                .toHTTPRequest()
                .send());
    }

    private TokenResponse refresh(RefreshToken token) throws Exception {
        return TokenResponse.parse(
                new TokenRequest(URI.create(base() + "/oauth2/token"), gisSecret(), new RefreshTokenGrant(token))
                        .toHTTPRequest()
                        .send());
    }

    private com.nimbusds.oauth2.sdk.TokenIntrospectionSuccessResponse introspect(String token) throws Exception {
        var answer = TokenIntrospectionResponse.parse(new TokenIntrospectionRequest(
                        URI.create(base() + "/oauth2/introspect"),
                        gisSecret(),
                        new com.nimbusds.oauth2.sdk.token.TypelessAccessToken(token))
                .toHTTPRequest()
                .send());
        return answer.toSuccessResponse();
    }

    private static ClientSecretBasic gisSecret() {
        return new ClientSecretBasic(new ClientID(GIS), new Secret(GIS_SECRET));
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }
}
