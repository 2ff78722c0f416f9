package org.guichet.sso;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.guichet.GuichetApplication;
import org.guichet.sso.server.TokenKeys;
import org.guichet.testing.Agents;
import org.guichet.testing.MutableClock;
import org.guichet.testing.TestClockConfiguration;
import org.guichet.testing.TestData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * Any node serves any step of a sign-in: an authorization started on one node completes on another, and its tokens
 * work on both; a rotation of the signing keys leaves the tokens signed before it verifiable, until they expire.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
@Import({TestClockConfiguration.class, Agents.class})
class SingleSignOnNodesTests {

    private static ConfigurableApplicationContext secondNode;

    @LocalServerPort
    int port;

    @Autowired
    Agents agents;

    @Autowired
    TokenKeys keys;

    @Autowired
    MutableClock clock;

    @BeforeAll
    static void startSecondNode() {
        // the same database (the tests' H2 in memory, or GUICHET_TEST_DB_URL), its own port: another node
        secondNode = new SpringApplicationBuilder(GuichetApplication.class)
                .profiles("test", "demo")
                .properties(Map.of("server.port", "0", "spring.main.banner-mode", "off"))
                .run();
    }

    @AfterAll
    static void stopSecondNode() {
        secondNode.close();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static int secondPort() {
        return ((WebServerApplicationContext) secondNode).getWebServer().getPort();
    }

    @Test
    void authorizationWhenStartedOnOneNodeThenItCompletesOnTheOtherAndItsTokensWorkOnBoth() throws Exception {
        var first = new OidcAgent(port, TestData.officeAddress());
        var second = first.onPort(secondPort());
        var request = first.request(
                SingleSignOnTests.GIS, SingleSignOnTests.GIS_REDIRECT, SingleSignOnTests.SCOPES, Map.of());

        assertThat(OidcAgent.location(first.get(request.pathAndQuery()))).endsWith("/login");
        var back = second.follow(second.signIn(agents.create().build().login()));
        var tokens = first.exchange(
                request, OidcAgent.code(back, request), SingleSignOnTests.GIS, SingleSignOnTests.GIS_SECRET);
        first.validate(tokens, request, SingleSignOnTests.GIS);

        var userInfo = UserInfoResponse.parse(new UserInfoRequest(
                        URI.create(second.base + "/userinfo"),
                        tokens.getOIDCTokens().getBearerAccessToken())
                .toHTTPRequest()
                .send());
        assertThat(userInfo.indicatesSuccess()).isTrue();
        assertThat(userInfo.toSuccessResponse().getUserInfo().getPreferredUsername())
                .isNotBlank();
        var renewed = TokenResponse.parse(new TokenRequest(
                        URI.create(second.base + "/oauth2/token"),
                        new ClientSecretBasic(
                                new ClientID(SingleSignOnTests.GIS), new Secret(SingleSignOnTests.GIS_SECRET)),
                        new RefreshTokenGrant(tokens.getOIDCTokens().getRefreshToken()))
                .toHTTPRequest()
                .send());
        assertThat(renewed.indicatesSuccess()).isTrue();
    }

    @Test
    void keysWhenRotatedThenEarlierTokensStayVerifiableUntilTheyExpire() throws Exception {
        var agent = new OidcAgent(port, TestData.officeAddress());
        var before = agent.request(
                SingleSignOnTests.GIS, SingleSignOnTests.GIS_REDIRECT, SingleSignOnTests.SCOPES, Map.of());
        agent.get(before.pathAndQuery());
        var earlier = agent.exchange(
                before,
                OidcAgent.code(agent.follow(agent.signIn(agents.create().build().login())), before),
                SingleSignOnTests.GIS,
                SingleSignOnTests.GIS_SECRET);
        var earlierKey =
                ((SignedJWT) earlier.getOIDCTokens().getIDToken()).getHeader().getKeyID();

        var rotated = keys.rotate(true);
        var after = agent.request(
                SingleSignOnTests.GIS, SingleSignOnTests.GIS_REDIRECT, SingleSignOnTests.SCOPES, Map.of());
        var later = agent.exchange(
                after,
                OidcAgent.code(agent.get(after.pathAndQuery()), after),
                SingleSignOnTests.GIS,
                SingleSignOnTests.GIS_SECRET);

        assertThat(((SignedJWT) later.getOIDCTokens().getIDToken()).getHeader().getKeyID())
                .isEqualTo(rotated);
        assertThat(rotated).isNotEqualTo(earlierKey);
        // what an application that fetches the key set now checks: both tokens
        agent.validate(earlier, before, SingleSignOnTests.GIS);
        agent.validate(later, after, SingleSignOnTests.GIS);
        assertThat(keys.publishedKeyIds()).contains(earlierKey, rotated);

        clock.advance(SsoSettings.LONGEST_TOKEN.plus(Duration.ofHours(1)));
        keys.rotate(false);
        assertThat(keys.publishedKeyIds()).contains(rotated).doesNotContain(earlierKey);
    }
}
