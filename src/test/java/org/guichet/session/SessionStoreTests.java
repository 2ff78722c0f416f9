package org.guichet.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.guichet.testing.Agents;
import org.guichet.testing.HttpAgent;
import org.guichet.testing.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/** The sessions' store under the requests one browser sends at once. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
@Import(Agents.class)
class SessionStoreTests {

    @LocalServerPort
    int port;

    @Autowired
    Agents agents;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void sessionWhenUsedAgainWithinAMinuteThenItsRowIsNotWrittenAfterAMinuteItIs() {
        var person = agents.create().build();
        var browser = new HttpAgent(port, TestData.officeAddress());
        browser.signIn(person.login());
        assertThat(browser.get("/api/v1/me", "application/json").statusCode()).isEqualTo(200);

        // the last write 30 s ago: this request leaves the row as it is
        var thirtySecondsAgo = System.currentTimeMillis() - 30_000;
        setLastAccess(person.soi(), thirtySecondsAgo);
        assertThat(browser.get("/api/v1/me", "application/json").statusCode()).isEqualTo(200);
        assertThat(lastAccess(person.soi())).isEqualTo(thirtySecondsAgo);

        // 90 s ago: written, and its expiry moves with it
        var before = System.currentTimeMillis();
        setLastAccess(person.soi(), before - 90_000);
        assertThat(browser.get("/api/v1/me", "application/json").statusCode()).isEqualTo(200);
        assertThat(lastAccess(person.soi())).isGreaterThanOrEqualTo(before);
        assertThat(jdbc.sql("SELECT expiry_time - last_access_time FROM spring_session WHERE principal_name = ?")
                        .param(person.soi())
                        .query(Long.class)
                        .single())
                .isEqualTo(30 * 60 * 1000L);
    }

    private void setLastAccess(String principal, long at) {
        assertThat(jdbc.sql("UPDATE spring_session SET last_access_time = ? WHERE principal_name = ?")
                        .params(at, principal)
                        .update())
                .isEqualTo(1);
    }

    private long lastAccess(String principal) {
        return jdbc.sql("SELECT last_access_time FROM spring_session WHERE principal_name = ?")
                .param(principal)
                .query(Long.class)
                .single();
    }

    @Test
    void requestsWhenSentAtOnceRightAfterTheSignInThenEachAnsweredNeverA500() {
        for (int round = 0; round < 3; round++) {
            var browser = new HttpAgent(port, TestData.officeAddress());
            browser.signIn(agents.create().build().login());

            // the first requests after the sign-in each add the same attributes to the session
            var answers = IntStream.range(0, 6)
                    .parallel()
                    .mapToObj(i -> browser.get(i % 2 == 0 ? "/" : "/api/v1/me", "text/html,application/json")
                            .statusCode())
                    .toList();

            assertThat(answers).containsOnly(200);
        }
    }
}
