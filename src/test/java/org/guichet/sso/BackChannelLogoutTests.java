package org.guichet.sso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.guichet.directory.AgentStatus;
import org.guichet.directory.AgentStatusChanged;
import org.guichet.identity.PasswordChangeReason;
import org.guichet.identity.PasswordChanged;
import org.guichet.platform.TransactionalEvents;
import org.guichet.session.SessionManagement;
import org.guichet.session.SessionRevoked;
import org.guichet.sso.logout.BackChannelLogout;
import org.guichet.sso.logout.SessionEnds;
import org.guichet.testing.Agents;
import org.guichet.testing.MutableClock;
import org.guichet.testing.TestClockConfiguration;
import org.guichet.testing.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * One logout for all: however a Guichet session ends, every application it signed into is told by a back-channel
 * logout token that the application checks (with the Nimbus SDK), and its refresh token no longer works.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
@Import({TestClockConfiguration.class, Agents.class})
class BackChannelLogoutTests {

    private static final AtomicInteger NEXT = new AtomicInteger();
    private static final String SECRET = "a-test-secret-of-this-application";
    private static final String REDIRECT = "http://127.0.0.1:9/callback";

    @LocalServerPort
    int port;

    @Autowired
    Agents agents;

    @Autowired
    Applications applications;

    @Autowired
    SessionManagement sessions;

    @Autowired
    SessionEnds sessionEnds;

    @Autowired
    BackChannelLogout logout;

    @Autowired
    TransactionalEvents events;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    private LogoutReceiver receiver;
    private String clientId;

    @BeforeEach
    void registerAnApplication() throws Exception {
        clientId = "logout-test-" + NEXT.incrementAndGet() + "-" + System.nanoTime() % 100000;
        receiver = new LogoutReceiver(base(), clientId);
        applications.register(
                new Application(
                        clientId,
                        "Application d’essai",
                        "gis",
                        true,
                        List.of(REDIRECT),
                        List.of(),
                        Set.of("openid", "profile"),
                        Duration.ofMinutes(5),
                        Duration.ofHours(8),
                        receiver.uri(),
                        true),
                SECRET,
                null);
    }

    @AfterEach
    void stop() {
        receiver.close();
        clock.reset();
    }

    /** A signed-in agent, the sid the application was given, and its refresh token. */
    record SignedIn(OidcAgent agent, Agents.TestAgent person, String sid, RefreshToken refreshToken) {}

    private SignedIn signIn() throws Exception {
        return signIn(agents.create().build(), new OidcAgent(port, TestData.officeAddress()));
    }

    private SignedIn signIn(Agents.TestAgent person, OidcAgent agent) throws Exception {
        var request = agent.request(clientId, REDIRECT, "openid profile", Map.of());
        var tokens = agent.signInThrough(request, person.login(), clientId, SECRET);
        var claims = agent.validate(tokens, request, clientId);
        return new SignedIn(
                agent,
                person,
                claims.getStringClaim("sid"),
                tokens.getOIDCTokens().getRefreshToken());
    }

    private void toldAndRevoked(SignedIn signedIn) throws Exception {
        await().atMost(Duration.ofSeconds(15))
                .until(() -> receiver.endedSessions().contains(signedIn.sid()));
        assertThat(receiver.refused).isEmpty();
        var told = receiver.received.stream()
                .filter(claims -> claims.getSessionID().getValue().equals(signedIn.sid()))
                .findFirst()
                .orElseThrow();
        assertThat(told.getSubject().getValue()).isEqualTo(signedIn.person().soi());
        assertThat(refresh(signedIn.refreshToken()).indicatesSuccess()).isFalse();
    }

    @Test
    void signOutWhenFromGuichetThenTheApplicationIsTold() throws Exception {
        var signedIn = signIn();

        var out = signedIn.agent().browser.submit("/", "/logout", Map.of());

        assertThat(out.statusCode()).isEqualTo(302);
        toldAndRevoked(signedIn);
    }

    @Test
    void sessionsWhenClosedByTheHelpdeskOrAsNotMeThenTheApplicationIsTold() throws Exception {
        var helpdesk = signIn();
        var notMe = signIn();

        sessions.revokeAll(helpdesk.person().id(), SessionRevoked.Cause.HELPDESK);
        sessions.revokeAll(notMe.person().id(), SessionRevoked.Cause.NOT_ME);

        toldAndRevoked(helpdesk);
        toldAndRevoked(notMe);
    }

    @Test
    void otherSessionsWhenClosedByTheAgentThenOnlyTheirApplicationsAreTold() throws Exception {
        var person = agents.create().build();
        var kept = signIn(person, new OidcAgent(port, TestData.officeAddress()));
        var other = signIn(person, new OidcAgent(port, TestData.officeAddress()));

        var closed = kept.agent().browser.submit("/account/sessions", "/account/sessions/revoke-others", Map.of());

        assertThat(closed.statusCode()).isEqualTo(302);
        toldAndRevoked(other);
        assertThat(receiver.endedSessions()).doesNotContain(kept.sid());
        assertThat(refresh(kept.refreshToken()).indicatesSuccess()).isTrue();
    }

    @Test
    void sessionsWhenThePasswordIsResetOrTheAgentSuspendedThenTheApplicationIsTold() throws Exception {
        var reset = signIn();
        var suspended = signIn();

        events.publish(new PasswordChanged(reset.person().id(), PasswordChangeReason.RESET, null, Instant.now()));
        events.publish(new AgentStatusChanged(suspended.person().id(), AgentStatus.ACTIVE, AgentStatus.SUSPENDED));

        toldAndRevoked(reset);
        toldAndRevoked(suspended);
    }

    @Test
    void sessionWhenItOutlivesItsLifetimeThenTheApplicationIsTold() throws Exception {
        var signedIn = signIn();
        clock.advance(Duration.ofHours(11));

        signedIn.agent().get("/");

        toldAndRevoked(signedIn);
    }

    @Test
    void sessionWhenItTimesOutIdleThenTheSweepTellsTheApplication() throws Exception {
        var signedIn = signIn();
        // what Spring Session's cleanup does to a session idle for too long: it deletes it
        jdbc.sql("DELETE FROM spring_session WHERE principal_name = ?")
                .param(signedIn.person().soi())
                .update();

        sessionEnds.sweepNow();

        toldAndRevoked(signedIn);
    }

    @Test
    void mySessionsWhenSignedIntoAnApplicationThenListedAndTheAgentSignsOutOfItAloneTheSessionStaying()
            throws Exception {
        var signedIn = signIn();
        var page = signedIn.agent().get("/account/sessions");
        assertThat(page.body()).contains("Application d’essai");
        var action = java.util.regex.Pattern.compile(
                        "action=\"(/account/sessions/[^\"]+/applications/" + clientId + "/sign-out)\"")
                .matcher(page.body());
        assertThat(action.find()).isTrue();

        var out = signedIn.agent().browser.submit("/account/sessions", action.group(1), Map.of());

        assertThat(out.statusCode()).isEqualTo(302);
        toldAndRevoked(signedIn);
        var after = signedIn.agent().get("/account/sessions");
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(after.body()).doesNotContain("Application d’essai");
        // someone else cannot sign this session out of anything
        var other = signIn();
        var refused = other.agent().browser.submit("/account/sessions", action.group(1), Map.of());
        assertThat(refused.statusCode()).isEqualTo(404);
    }

    @Test
    void deliveryWhenTheApplicationFailsThenItIsTriedAgainUntilItAnswers() throws Exception {
        receiver.failuresToGo.set(2);
        var signedIn = signIn();

        sessions.revokeAll(signedIn.person().id(), SessionRevoked.Cause.HELPDESK);
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.failuresToGo.get() <= 1);
        for (var round = 0; round < 4 && receiver.received.isEmpty(); round++) {
            clock.advance(Duration.ofMinutes(5));
            logout.deliverDue();
        }

        toldAndRevoked(signedIn);
    }

    private TokenResponse refresh(RefreshToken token) throws Exception {
        return TokenResponse.parse(new TokenRequest(
                        URI.create(base() + "/oauth2/token"),
                        new ClientSecretBasic(new ClientID(clientId), new Secret(SECRET)),
                        new RefreshTokenGrant(token))
                .toHTTPRequest()
                .send());
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }
}
