package org.guichet.sso;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.dpop.DefaultDPoPProofFactory;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.DPoPAccessToken;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The administration's phone app ({@code guichet-mobile}) as the Nimbus SDK plays it: a key of its own, the sign-in
 * through the phone's browser with PKCE to a loopback address on a port of its choosing (RFC 8252), token requests
 * with no secret and a DPoP proof (RFC 9449), and API calls with the token and a fresh proof each, from the address
 * given (through the trusted loopback proxy, so that the test chooses the channel).
 */
public final class MobileApp {

    static final String CLIENT = "guichet-mobile";

    /** What the app calls the phone it runs on. */
    static final String DEVICE = "Pixel de test";

    private final int port;
    final ECKey key;
    private final @Nullable URI publicUrl;

    public MobileApp(int port) throws Exception {
        this(port, newKey(), null);
    }

    MobileApp(int port, ECKey key, @Nullable URI publicUrl) {
        this.port = port;
        this.key = key;
        this.publicUrl = publicUrl;
    }

    /**
     * The same app calling the API through the load balancer at this address ({@code https://guichet.ville.example}):
     * its proofs name that address, which every node reads from {@code X-Forwarded-Proto} and {@code
     * X-Forwarded-Host}.
     */
    MobileApp behind(URI publicAddress) {
        return new MobileApp(port, key, publicAddress);
    }

    static ECKey newKey() throws Exception {
        return new ECKeyGenerator(Curve.P_256).generate();
    }

    /** The same app (the same key) talking to another node. */
    public MobileApp onPort(int other) {
        return new MobileApp(other, key, publicUrl);
    }

    /** Where an API call goes, as its proof names it. */
    URI target(String path) {
        return publicUrl == null ? uri(path) : URI.create(publicUrl + path);
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** A fresh proof of this app's key for one request (with the token's hash when it carries one). */
    SignedJWT proof(String method, URI target, com.nimbusds.oauth2.sdk.token.@Nullable AccessToken token)
            throws Exception {
        var factory = new DefaultDPoPProofFactory(key, JWSAlgorithm.ES256);
        return token == null ? factory.createDPoPJWT(method, target) : factory.createDPoPJWT(method, target, token);
    }

    /** A token request as the app sends it: no secret, with this proof (or none). */
    TokenResponse token(AuthorizationGrant grant, @Nullable SignedJWT proof) throws Exception {
        var http = new TokenRequest.Builder(uri("/oauth2/token"), new ClientID(CLIENT), grant)
                .customParameter("device_name", DEVICE)
                .build()
                .toHTTPRequest();
        http.setHeader("User-Agent", "GuichetMobile/1.0 (Android 15)");
        if (proof != null) {
            http.setDPoP(proof);
        }
        return OIDCTokenResponseParser.parse(http.send());
    }

    /** A token request with a proof of this app's key. */
    public TokenResponse token(AuthorizationGrant grant) throws Exception {
        return token(grant, proof("POST", uri("/oauth2/token"), null));
    }

    /**
     * The agent signs in through the phone's browser from this address (with these extra parameters: {@code
     * acr_values}…); the app exchanges the code, with a proof of its key unless {@code withProof} is false.
     */
    public TokenResponse signIn(
            String login, String scope, String address, Map<String, String> extra, boolean withProof) throws Exception {
        return signIn(new OidcAgent(port, address), login, scope, extra, withProof);
    }

    /** The same, in this browser of the phone (which the test may sign out afterwards). */
    TokenResponse signIn(OidcAgent phone, String login, String scope, Map<String, String> extra, boolean withProof)
            throws Exception {
        var redirect = "http://127.0.0.1:" + (40_000 + (int) (Math.random() * 20_000)) + "/callback";
        var request = phone.request(CLIENT, redirect, scope, extra);
        phone.get(request.pathAndQuery());
        var page = phone.follow(phone.signIn(login));
        if (page.uri().getPath().equals("/sign-in/second-factor")
                || page.uri().getPath().equals("/sign-in/confirm")) {
            page = phone.follow(
                    phone.submit(page, Map.of("code", org.guichet.testing.Totp.demo(java.time.Instant.now()))));
        }
        var code = OidcAgent.code(page, request);
        var grant = new AuthorizationCodeGrant(code, URI.create(redirect), request.verifier());
        return withProof ? token(grant) : token(grant, null);
    }

    /** An API call as the app makes it: the token, a proof of this app's key made for this call, from the address. */
    HttpResponse<String> call(String method, String path, DPoPAccessToken token, String address) throws Exception {
        // the proof names the address without its query (RFC 9449 §4.2)
        var target = target(path.contains("?") ? path.substring(0, path.indexOf('?')) : path);
        return call(method, path, token, address, proof(method, target, token));
    }

    /** An API call with the given proof (another key's, one already used, none). */
    HttpResponse<String> call(
            String method, String path, DPoPAccessToken token, String address, @Nullable SignedJWT proof)
            throws Exception {
        var request = HttpRequest.newBuilder(uri(path))
                .header("Authorization", "DPoP " + token.getValue())
                .header("Accept", "application/json")
                .header("X-Forwarded-For", address)
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (publicUrl != null) {
            request.header("X-Forwarded-Proto", publicUrl.getScheme());
            request.header("X-Forwarded-Host", publicUrl.getAuthority());
        }
        if (proof != null) {
            request.header("DPoP", proof.serialize());
        }
        try (var client = HttpClient.newHttpClient()) {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
