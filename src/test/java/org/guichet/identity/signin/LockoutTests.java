package org.guichet.identity.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.guichet.directory.DirectoryManagement;
import org.guichet.identity.AccountLocked;
import org.guichet.identity.SignInError;
import org.guichet.identity.SignInFailed;
import org.guichet.testing.Agents;
import org.guichet.testing.Demo;
import org.guichet.testing.IntegrationTest;
import org.guichet.testing.MutableClock;
import org.guichet.testing.SignIn;
import org.guichet.testing.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@IntegrationTest
@RecordApplicationEvents
class LockoutTests {

    @Autowired
    Agents agents;

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    DirectoryManagement directory;

    @Autowired
    MutableClock clock;

    @Autowired
    ApplicationEvents events;

    String agent;

    @BeforeEach
    void freshAgent() {
        agent = agents.create().named("Anne").build().block().soi(1);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private MvcTestResult wrong(String identifier) {
        return SignIn.attempt(mvc, identifier, "not the password", SignIn.from(TestData.address()));
    }

    private MvcTestResult right(String identifier) {
        return SignIn.attempt(mvc, identifier, Demo.PASSWORD, SignIn.from(TestData.address()));
    }

    private record Counter(int failures, Instant lockedUntil) {}

    private Counter counter(String identifier) {
        return jdbc.sql("SELECT failures, locked_until FROM login_throttle WHERE throttle_key = ?")
                .param(Lockout.identifierKey(identifier))
                .query((rs, n) -> new Counter(
                        rs.getInt(1),
                        rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant()))
                .single();
    }

    private String loginPageAfter(MvcTestResult attempt) throws Exception {
        var session = attempt.getResponse().getCookie(SignIn.SESSION_COOKIE);
        return mvc.get()
                .uri("/login")
                .param("error", "")
                .cookie(session)
                .exchange()
                .getResponse()
                .getContentAsString()
                .replaceAll("content=\"[^\"]{40,}\"", "")
                .replaceAll("value=\"[^\"]*\"", "");
    }

    @Test
    void lockWhenFiveFailuresThenSuspendedEvenWithTheRightPassword() throws Exception {
        for (int i = 0; i < 4; i++) {
            assertThat(wrong(agent)).hasRedirectedUrl("/login?error");
        }
        var fifth = wrong(agent);

        assertThat(loginPageAfter(fifth)).contains("suspendu pendant 1 minute(s)", "Débloquer mon compte");
        assertThat(counter(agent).failures()).isEqualTo(5);
        assertThat(counter(agent).lockedUntil())
                .isBetween(clock.instant().plusSeconds(50), clock.instant().plusSeconds(61));
        assertThat(right(agent)).hasRedirectedUrl("/login?error");
        assertThat(counter(agent).failures())
                .as("an attempt while locked counts")
                .isEqualTo(6);
    }

    @Test
    void lockWhenFurtherFailuresThenDoublesUpToThirtyMinutes() {
        var expected = new long[] {1, 2, 4, 8, 16, 30, 30};
        for (int i = 0; i < 4; i++) {
            wrong(agent);
        }
        for (var minutes : expected) {
            wrong(agent);
            var lock = Duration.between(clock.instant(), counter(agent).lockedUntil());
            assertThat(lock).isBetween(Duration.ofMinutes(minutes).minusSeconds(10), Duration.ofMinutes(minutes));
        }
    }

    @Test
    void lockWhenOverThenRightPasswordSignsInAndCountStartsAgain() {
        for (int i = 0; i < 5; i++) {
            wrong(agent);
        }
        clock.advance(Duration.ofSeconds(61));

        assertThat(right(agent)).hasRedirectedUrl("/");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM login_throttle WHERE throttle_key = ?")
                        .param(Lockout.identifierKey(agent))
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void failuresWhenADayWithoutAnyThenForgotten() {
        for (int i = 0; i < 4; i++) {
            wrong(agent);
        }
        clock.advance(Duration.ofHours(25));

        wrong(agent);

        assertThat(counter(agent)).isEqualTo(new Counter(1, null));
    }

    @Test
    void lockWhenUnknownIdentifierThenSameBehaviourAndSamePage() throws Exception {
        var unknown = "nobody." + TestData.block().name().toLowerCase();
        MvcTestResult agentFifth = null;
        MvcTestResult unknownFifth = null;
        for (int i = 0; i < 5; i++) {
            agentFifth = wrong(agent);
            unknownFifth = wrong(unknown);
        }

        assertThat(counter(unknown).failures()).isEqualTo(5);
        assertThat(counter(unknown).lockedUntil()).isNotNull();
        assertThat(loginPageAfter(unknownFifth)).isEqualTo(loginPageAfter(agentFifth));
        assertThat(right(unknown)).hasRedirectedUrl("/login?error");
    }

    @Test
    void lockWhenHundredConcurrentWrongAttemptsThenAllCounted() throws Exception {
        var attempts = new ArrayList<Callable<Integer>>();
        for (int i = 0; i < 100; i++) {
            attempts.add(() -> wrong(agent).getResponse().getStatus());
        }
        try (var pool = Executors.newFixedThreadPool(16)) {
            for (var attempt : pool.invokeAll(attempts)) {
                assertThat(attempt.get()).isEqualTo(HttpStatus.FOUND.value());
            }
        }

        assertThat(counter(agent).failures()).isEqualTo(100);
        assertThat(counter(agent).lockedUntil()).isAfter(clock.instant().plus(Duration.ofMinutes(29)));
        var email = directory
                .findById(org.guichet.directory.AgentId.of(agent))
                .orElseThrow()
                .email();
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(outboxFor(email)).anyMatch(body -> body.contains("suspendu")));
        assertThat(outboxFor(email))
                .as("the agent is told once, not a hundred times")
                .hasSize(1);
    }

    @Test
    void addressWhenThirtyFailuresInAMinuteThenTooManyRequests() {
        var address = TestData.address();
        for (int i = 0; i < 30; i++) {
            var identifier = "someone" + i + "." + TestData.block().name().toLowerCase();
            assertThat(SignIn.attempt(mvc, identifier, "guess", SignIn.from(address)))
                    .hasRedirectedUrl("/login?error");
        }

        var blocked = SignIn.attempt(mvc, agent, Demo.PASSWORD, SignIn.from(address));

        assertThat(blocked).hasStatus(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(Long.parseLong(blocked.getResponse().getHeader("Retry-After")))
                .isBetween(1L, 60L);
        assertThat(events.stream(SignInFailed.class).filter(e -> e.reason() == SignInError.TOO_MANY_ATTEMPTS))
                .isNotEmpty();
        clock.advance(Duration.ofSeconds(61));
        assertThat(SignIn.attempt(mvc, agent, Demo.PASSWORD, SignIn.from(address)))
                .hasRedirectedUrl("/");
    }

    @Test
    void trustedBrowserWhenOthersLockTheIdentifierThenAgentStillSignsInThere() {
        var signedIn = right(agent);
        var trusted = signedIn.getResponse().getCookie(SignIn.TRUSTED_DEVICE_COOKIE);
        assertThat(trusted).isNotNull();
        assertThat(trusted.isHttpOnly()).isTrue();
        for (int i = 0; i < 6; i++) {
            wrong(agent);
        }

        assertThat(right(agent)).as("from an unknown browser").hasRedirectedUrl("/login?error");
        var fromTrusted = SignIn.attempt(mvc, agent, Demo.PASSWORD, SignIn.from(TestData.address()), request -> {
            request.setCookies(trusted);
            return request;
        });
        assertThat(fromTrusted).hasRedirectedUrl("/");
    }

    @Test
    void trustedBrowserWhenTokenForgedOrForAnotherAgentThenNoExemption() {
        var other = agents.create().named("Marc").build().block().soi(1);
        var tokenOfOther = right(other).getResponse().getCookie(SignIn.TRUSTED_DEVICE_COOKIE);
        for (int i = 0; i < 5; i++) {
            wrong(agent);
        }

        for (var cookie : new jakarta.servlet.http.Cookie[] {
            tokenOfOther, new jakarta.servlet.http.Cookie(SignIn.TRUSTED_DEVICE_COOKIE, "forged.token")
        }) {
            var attempt = SignIn.attempt(mvc, agent, Demo.PASSWORD, SignIn.from(TestData.address()), request -> {
                request.setCookies(cookie);
                return request;
            });
            assertThat(attempt).hasRedirectedUrl("/login?error");
        }
    }

    @Test
    void lockWhenReachedThenEventsAndAgentEmailedOnce() {
        for (int i = 0; i < 7; i++) {
            wrong(agent);
        }
        var email = directory
                .findById(org.guichet.directory.AgentId.of(agent))
                .orElseThrow()
                .email();

        assertThat(events.stream(SignInFailed.class).filter(e -> agent.equals(String.valueOf(e.agent()))))
                .hasSize(7)
                .allSatisfy(e -> assertThat(e.connection().address()).startsWith("198.18."));
        assertThat(events.stream(AccountLocked.class)
                        .filter(e -> agent.equals(e.agent().soi())))
                .hasSize(1);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() ->
                        assertThat(outboxFor(email)).anyMatch(body -> body.contains("Accès temporairement suspendu")));
        assertThat(outboxFor(email))
                .filteredOn(body -> body.contains("suspendu"))
                .hasSize(1);
    }

    private java.util.List<String> outboxFor(String recipient) {
        return jdbc.sql("SELECT subject || ' ' || body FROM dev_outbox WHERE recipient = ?")
                .param(recipient)
                .query(String.class)
                .list();
    }
}
