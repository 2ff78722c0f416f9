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
