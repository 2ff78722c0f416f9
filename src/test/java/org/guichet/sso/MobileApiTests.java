package org.guichet.sso;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.token.DPoPAccessToken;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.guichet.GuichetApplication;
import org.guichet.sso.server.TrackedAuthorizations;
import org.guichet.testing.Agents;
import org.guichet.testing.TestClockConfiguration;
import org.guichet.testing.TestData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The JSON API for the mobile app, with the Nimbus SDK playing the app: a DPoP-bound token obtained through the
 * browser flow reads camille.martin's payslips, and only with a fresh proof of its key (not without one, not as a
 * bearer token, not with another key, not with a proof already used, on this node or another behind the same
 * address); its scopes limit what it reads; the access policy decides each call from its own channel; revoking the
 * device kills its access and refresh tokens at once.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "server.forward-headers-strategy=native")
@ActiveProfiles({"test", "demo"})
@Import({TestClockConfiguration.class, Agents.class})
class MobileApiTests {

    private static final URI PUBLIC = URI.create("https://guichet.ville.example");

    private static ConfigurableApplicationContext secondNode;

    @LocalServerPort
    int port;

    @Autowired
    Agents agents;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TrackedAuthorizations authorizations;

    @Autowired
    java.time.Clock clock;

    @BeforeAll
    static void startSecondNode() {
        // the same database, its own port: another node behind the same load balancer
        secondNode = new SpringApplicationBuilder(GuichetApplication.class)
                .profiles("test", "demo")
                .properties(Map.of(
                        "server.port", "0",
                        "spring.main.banner-mode", "off",
                        "server.forward-headers-strategy", "native"))
                .run();
    }

    @AfterAll
    static void stopSecondNode() {
        secondNode.close();
    }

    private static int secondPort() {
        return ((WebServerApplicationContext) secondNode).getWebServer().getPort();
    }

    private static DPoPAccessToken accessToken(TokenResponse tokens) {
        assertThat(tokens.indicatesSuccess())
                .as(() -> String.valueOf(tokens.toErrorResponse().getErrorObject()))
                .isTrue();
        return (DPoPAccessToken) tokens.toSuccessResponse().getTokens().getAccessToken();
    }

    private HttpResponse<String> asBearer(String path, DPoPAccessToken token) throws Exception {
        try (var client = HttpClient.newHttpClient()) {
            return client.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                            .header("Authorization", "Bearer " + token.getValue())
                            .header("Accept", "application/json")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    @Test
    void payslipsWhenCamilleMartinsAppCallsWithAProofOfItsKeyThenReadAndNeverWithoutIt() throws Exception {
        var office = TestData.officeAddress();
        var app = new MobileApp(port).behind(PUBLIC);
        var tokens = app.signIn("camille.martin", "openid offline_access payslips.read", office, Map.of(), true);
        var token = accessToken(tokens);

        var read = app.call("GET", "/api/v1/payslips", token, office);
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        assertThat(read.body()).startsWith("[").contains("\"id\"");
        assertThat(read.headers().firstValue("Set-Cookie"))
                .as("no session for the app")
                .isEmpty();

        // without its proof, as a bearer token, with another key's proof: refused
        var noProof = app.call("GET", "/api/v1/payslips", token, office, null);
        assertThat(noProof.statusCode()).isEqualTo(401);
        assertThat(noProof.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("DPoP");
        assertThat(asBearer("/api/v1/payslips", token).statusCode()).isEqualTo(401);
        var stranger = new MobileApp(port).behind(PUBLIC);
        var otherKey = app.call(
                "GET", "/api/v1/payslips", token, office, stranger.proof("GET", app.target("/api/v1/payslips"), token));
        assertThat(otherKey.statusCode()).isEqualTo(401);
        assertThat(otherKey.body()).contains("invalid_dpop_proof");

        // a proof used once, replayed on the other node behind the same address: refused there
        var proof = app.proof("GET", app.target("/api/v1/payslips"), token);
        assertThat(app.call("GET", "/api/v1/payslips", token, office, proof).statusCode())
                .isEqualTo(200);
        var replayed = app.onPort(secondPort()).call("GET", "/api/v1/payslips", token, office, proof);
        assertThat(replayed.statusCode()).isEqualTo(401);
        assertThat(replayed.body()).contains("invalid_dpop_proof");
        // while a fresh proof works on the other node too
        assertThat(app.onPort(secondPort())
                        .call("GET", "/api/v1/payslips", token, office)
                        .statusCode())
                .isEqualTo(200);

        // scopes: leave was not granted; the back offices are never reached with a token
        var leave = app.call("GET", "/api/v1/leave/balances", token, office);
        assertThat(leave.statusCode()).isEqualTo(403);
        assertThat(leave.body()).contains("INSUFFICIENT_SCOPE", "leave.read");
        assertThat(app.call("GET", "/api/v1/support/agents?q=theo", token, office)
                        .statusCode())
                .isEqualTo(403);

        // the device revoked: its access token and its refresh token die at once
        var device =
                jdbc.sql("""
                        SELECT a.id FROM oauth2_authorization a JOIN oauth2_registered_client c
                        ON c.id = a.registered_client_id WHERE c.client_id = ? AND a.principal_name = '1000001'
                        ORDER BY a.access_token_issued_at DESC""").param(MobileApp.CLIENT).query(String.class).list().getFirst();
        authorizations.revoke(device);
        var revoked = app.call("GET", "/api/v1/payslips", token, office);
        assertThat(revoked.statusCode()).isEqualTo(401);
        assertThat(revoked.headers().firstValue("WWW-Authenticate").orElse("")).contains("revoked");
        var refresh = app.token(
                new RefreshTokenGrant(tokens.toSuccessResponse().getTokens().getRefreshToken()));
        assertThat(refresh.indicatesSuccess()).isFalse();
    }

    @Test
    void apiWhenCalledFromTheInternetWithoutRemoteAccessThenTheAccessPolicyRefusesWithItsReason() throws Exception {
        var person = agents.create().withTotp().build();
        var app = new MobileApp(port);
        // signed in at the office with a second factor (the app asked for one)
        var token = accessToken(app.signIn(
                person.login(),
                "openid payslips.read",
                TestData.officeAddress(),
                Map.of("acr_values", "urn:guichet:loa:mfa"),
                true));
        assertThat(app.call("GET", "/api/v1/payslips", token, TestData.officeAddress())
                        .statusCode())
                .isEqualTo(200);

        // the same token from the internet: the channel of this call decides, and remote access is missing
        var fromHome = app.call("GET", "/api/v1/payslips", token, TestData.address());
        assertThat(fromHome.statusCode()).isEqualTo(403);
        assertThat(fromHome.body()).contains("NOMADIC_PROFILE_MISSING", "\"service\":\"payslips\"");
    }

    @Test
    void devicesWhenTheBrowserSessionEndsThenTheAppStaysSignedInButNotAfterTheHelpdeskClosesEverything()
            throws Exception {
        var person = agents.create().build();
        var app = new MobileApp(port);
        var phone = new OidcAgent(port, TestData.officeAddress());
        var tokens = app.signIn(phone, person.login(), "openid offline_access payslips.read", Map.of(), true);
        var refresh = tokens.toSuccessResponse().getTokens().getRefreshToken();

        // the agent signs out of Guichet in the phone's browser: the app is a device of its own, and goes on
        var signedOut = phone.browser.submit("/account/sessions", "/logout", Map.of());
        assertThat(signedOut.statusCode()).isEqualTo(302);
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(10))
                .until(() -> jdbc.sql("SELECT COUNT(*) FROM sso_session WHERE agent = ? AND ended_at IS NOT NULL")
                                .param(person.soi())
                                .query(Integer.class)
                                .single()
                        > 0);
        var refreshed = app.token(new RefreshTokenGrant(refresh));
        assertThat(refreshed.indicatesSuccess())
                .as(() -> String.valueOf(refreshed.toErrorResponse().getErrorObject()))
                .isTrue();
        var token = (DPoPAccessToken) refreshed.toSuccessResponse().getTokens().getAccessToken();
        assertThat(app.call("GET", "/api/v1/payslips", token, TestData.officeAddress())
                        .statusCode())
                .isEqualTo(200);

        // the helpdesk closes all of the agent's sessions (none is open in a browser): the app's tokens die too
        var hugo = new org.guichet.testing.HttpAgent(port, TestData.officeAddress());
        hugo.signInWithSecondFactor("hugo.robert", jdbc, org.guichet.testing.MutableClock.class.cast(clock));
        assertThat(hugo.postJson(
                                "/api/v1/support/agents/" + person.soi() + "/sessions/revoke",
                                "{\"reason\":\"Téléphone perdu\"}")
                        .statusCode())
                .isEqualTo(200);
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(10))
                .until(() -> app.call("GET", "/api/v1/payslips", token, TestData.officeAddress())
                                .statusCode()
                        == 401);
        var next = refreshed.toSuccessResponse().getTokens().getRefreshToken();
        assertThat(app.token(new RefreshTokenGrant(next)).indicatesSuccess()).isFalse();
    }

    @Test
    void devicesWhenListedInMySessionsAndTheConsoleThenEachIsRevokedInOneAction() throws Exception {
        var person = agents.create().build();
        var office = TestData.officeAddress();
        var phone = new MobileApp(port);
        var tablet = new MobileApp(port);
        var phoneToken = accessToken(
                phone.signIn(person.login(), "openid offline_access payslips.read", office, Map.of(), true));
        var tabletToken = accessToken(
                tablet.signIn(person.login(), "openid offline_access payslips.read", office, Map.of(), true));
        assertThat(phone.call("GET", "/api/v1/payslips", phoneToken, TestData.address())
                        .statusCode())
                .isIn(200, 403);

        // the agent's "my sessions": both installations, named, with where they were last used
        var browser = new org.guichet.testing.HttpAgent(port, office);
        browser.signIn(person.login());
        var page = browser.get("/account/sessions", "text/html").body();
        assertThat(page).contains("id=\"devices\"", MobileApp.DEVICE + " (Android)", "Guichet mobile");
        var ids = java.util.regex.Pattern.compile("/account/devices/([^/\"]+)/revoke")
                .matcher(page)
                .results()
                .map(match -> match.group(1))
                .toList();
        assertThat(ids).hasSize(2);

        // revoked by the agent from the page: that device's token dies at once, the other lives
        var phoneDevice = jdbc.sql("SELECT authorization_id FROM app_device WHERE soi = ? ORDER BY first_used_at")
                .param(person.soi())
                .query(String.class)
                .list()
                .getFirst();
        var revoked = browser.submit("/account/sessions", "/account/devices/" + phoneDevice + "/revoke", Map.of());
        assertThat(revoked.statusCode()).isEqualTo(302);
        assertThat(phone.call("GET", "/api/v1/payslips", phoneToken, office).statusCode())
                .isEqualTo(401);
        assertThat(tablet.call("GET", "/api/v1/payslips", tabletToken, office).statusCode())
                .isEqualTo(200);
        // someone else's device is not found
        var stranger = new org.guichet.testing.HttpAgent(port, office);
        stranger.signIn(agents.create().build().login());
        var tabletDevice =
                ids.stream().filter(id -> !id.equals(phoneDevice)).findFirst().orElseThrow();
        assertThat(stranger.submit("/account/sessions", "/account/devices/" + tabletDevice + "/revoke", Map.of())
                        .statusCode())
                .isEqualTo(404);

        // the helpdesk sees the other one beside the agent's findings, and revokes it with a reason
        var hugo = new org.guichet.testing.HttpAgent(port, office);
        hugo.signInWithSecondFactor("hugo.robert", jdbc, org.guichet.testing.MutableClock.class.cast(clock));
        assertThat(hugo.get("/support/agents/" + person.soi(), "text/html").body())
                .contains("id=\"devices\"", MobileApp.DEVICE, "/devices/" + tabletDevice + "/revoke");
        var byHelpdesk = hugo.postJson(
                "/api/v1/support/agents/" + person.soi() + "/devices/" + tabletDevice + "/revoke",
                "{\"reason\":\"Tablette volée, appel de l’agent\"}");
        assertThat(byHelpdesk.statusCode()).isEqualTo(200);
        assertThat(tablet.call("GET", "/api/v1/payslips", tabletToken, office).statusCode())
                .isEqualTo(401);
        assertThat(hugo.postJson(
                                "/api/v1/support/agents/" + person.soi() + "/devices/" + tabletDevice + "/revoke",
                                "{\"reason\":\"Encore\"}")
                        .statusCode())
                .isEqualTo(404);
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(10))
                .until(() -> jdbc.sql("SELECT COUNT(*) FROM journal_entry WHERE type = 'DeviceRevoked' AND subject = ?")
                                .param(person.soi())
                                .query(Integer.class)
                                .single()
                        == 2);
        assertThat(browser.get("/account/sessions", "text/html").body()).doesNotContain("id=\"devices\"");
    }
}
