package org.guichet.sso;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.validators.AccessTokenValidator;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.Map;
import org.guichet.testing.HttpAgent;

/**
 * A relying party written with the Nimbus OAuth 2.0 / OpenID Connect SDK, and the browser of its agent: real HTTP to
 * a running Guichet, cookies kept, no redirect followed unless asked. The agent comes from the address given (through
 * the trusted loopback proxy), so that the test chooses the channel.
 */
final class OidcAgent {

    final String base;
    final HttpAgent browser;

    OidcAgent(int port, String address) {
        this(port, new HttpAgent(port, address));
    }

    private OidcAgent(int port, HttpAgent browser) {
        this.base = "http://127.0.0.1:" + port;
        this.browser = browser;
    }

    /** The same agent and browser at another node of Guichet. */
    OidcAgent onPort(int port) {
        return new OidcAgent(port, browser.onPort(port));
    }

    /** An authorization request of this client, with its state, nonce and PKCE verifier. */
    record Request(AuthenticationRequest request, State state, Nonce nonce, CodeVerifier verifier) {

        String pathAndQuery() {
            var uri = request.toURI();
            return uri.getRawPath() + "?" + uri.getRawQuery();
        }
    }

    Request request(String clientId, String redirectUri, String scope, Map<String, String> extra) {
        var state = new State();
        var nonce = new Nonce();
        var verifier = new CodeVerifier();
        var builder = new AuthenticationRequest.Builder(
                        new ResponseType("code"), Scope.parse(scope), new ClientID(clientId), URI.create(redirectUri))
                .endpointURI(URI.create(base + "/oauth2/authorize"))
                .state(state)
                .nonce(nonce)
                .codeChallenge(verifier, CodeChallengeMethod.S256);
        extra.forEach((name, value) -> builder.customParameter(name, value));
        return new Request(builder.build(), state, nonce, verifier);
    }

    HttpResponse<String> get(String pathOrUrl) {
        return browser.get(pathOrUrl, "text/html");
    }

    /** Signs in through the login form with the demo password. */
    HttpResponse<String> signIn(String login) {
        return browser.signIn(login);
    }

    private static final java.util.regex.Pattern FORM_ACTION =
            java.util.regex.Pattern.compile("<form class=\"form\" method=\"post\" action=\"([^\"]+)\"");
    private static final java.util.regex.Pattern CSRF =
            java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    /** Fills in and submits the main form of a page Guichet showed, with its CSRF token. */
    HttpResponse<String> submit(HttpResponse<String> page, Map<String, String> fields) {
        var action = FORM_ACTION.matcher(page.body());
        var token = CSRF.matcher(page.body());
        assertThat(action.find()).as("a form on " + page.uri()).isTrue();
        assertThat(token.find()).as("a CSRF token on " + page.uri()).isTrue();
        var form = new java.util.LinkedHashMap<>(fields);
        form.put("_csrf", token.group(1));
        return browser.postForm(action.group(1).replace("&amp;", "&"), form, "text/html");
    }

    /**
     * A whole sign-in from a browser without a session: the authorization request (sent to the login page), the login
     * form, the way back with a code, and the application's code exchange.
     */
    OIDCTokenResponse signInThrough(Request request, String login, String clientId, String secret) throws Exception {
        get(request.pathAndQuery());
        return exchange(request, code(follow(signIn(login)), request), clientId, secret);
    }

    /** Follows redirects on Guichet until one leaves it (to the application) or a page is shown. */
    HttpResponse<String> follow(HttpResponse<String> response) {
        var current = response;
        for (var hops = 0; hops < 15 && current.statusCode() / 100 == 3; hops++) {
            var next = location(current);
            if (next.startsWith("http") && !next.startsWith(base)) {
                return current;
            }
            current = get(next);
        }
        return current;
    }

    static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElse("");
    }

    /** The code of the answer that sends the agent back to the application, its state checked. */
    static AuthorizationCode code(HttpResponse<String> redirect, Request request) throws Exception {
        var answer = AuthorizationResponse.parse(URI.create(location(redirect)));
        assertThat(answer.indicatesSuccess()).as(location(redirect)).isTrue();
        assertThat(answer.getState()).isEqualTo(request.state());
        return answer.toSuccessResponse().getAuthorizationCode();
    }

    /** The code exchanged for tokens at the token endpoint, as the application does it. */
    OIDCTokenResponse exchange(Request request, AuthorizationCode code, String clientId, String secret)
            throws Exception {
        var token = new TokenRequest(
                URI.create(base + "/oauth2/token"),
                new ClientSecretBasic(new ClientID(clientId), new Secret(secret)),
                new AuthorizationCodeGrant(code, request.request().getRedirectionURI(), request.verifier()));
        var response = OIDCTokenResponseParser.parse(token.toHTTPRequest().send());
        assertThat(response.indicatesSuccess())
                .as(() -> String.valueOf(response.toErrorResponse().getErrorObject()))
                .isTrue();
        return (OIDCTokenResponse) response.toSuccessResponse();
    }

    /**
     * The ID token as the application must check it: its signature against the published key set, its issuer,
     * audience, expiry and nonce, and its {@code at_hash} against the access token.
     */
    IDTokenClaimsSet validate(OIDCTokenResponse tokens, Request request, String clientId) throws Exception {
        var validator = new IDTokenValidator(
                new Issuer(base), new ClientID(clientId), JWSAlgorithm.RS256, new URL(base + "/oauth2/jwks"));
        var claims = validator.validate(tokens.getOIDCTokens().getIDToken(), request.nonce());
        AccessTokenValidator.validate(
                tokens.getOIDCTokens().getAccessToken(), JWSAlgorithm.RS256, claims.getAccessTokenHash());
        return claims;
    }
}
