package org.guichet.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.guichet.testing.FreePorts;
import org.guichet.testing.HttpAgent;
import org.guichet.testing.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The demo's embedded mail server (what {@code ./mvnw spring-boot:run} shows): the demo accounts' mailboxes are there
 * and a message sent between two of them arrives. Demo accounts' mailboxes live in the embedded server only, so the
 * demo organisation in the database is left as it was.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "guichet.messaging.demo-server=true",
            "guichet.messaging.resource-server-secret=mail-server-demo-test-secret"
        })
@ActiveProfiles({"test", "demo"})
class DemoMailServerTests {

    private static final int IMAP = FreePorts.next();
    private static final int SMTP = FreePorts.next();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void ports(DynamicPropertyRegistry properties) {
        properties.add("guichet.messaging.imap-port", () -> IMAP);
        properties.add("guichet.messaging.smtp-port", () -> SMTP);
    }

    private HttpAgent signedIn(String login) {
        var browser = new HttpAgent(port, TestData.officeAddress());
        browser.signIn(login);
        return browser;
    }

    @Test
    void demoWhenStartedThenEachAccountHasAMailboxAndMessagesGoBetweenThem() {
        var camille = signedIn("camille.martin");
        var theo = signedIn("theo.moreau");
        // the mailboxes are filled beside the start, within moments
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> {
                    for (var agent : List.of(camille, theo)) {
                        var folders = agent.get("/api/v1/mail/folders", "application/json");
                        assertThat(folders.statusCode()).isEqualTo(200);
                        assertThat(folders.body()).contains("\"total\":30}");
                    }
                });
        assertThat(camille.get("/api/v1/mail/folders", "application/json").body())
                .contains("{\"name\":\"INBOX\",\"unread\":5,\"total\":30}");
        assertThat(camille.get("/api/v1/mail/folders/INBOX/messages?size=1", "application/json")
                        .body())
                .contains("\"subject\":\"La lettre de la semaine\"");

        var sent = camille.post(
                "/api/v1/mail/messages",
                Map.of(
                        "Content-Type", "application/json",
                        "Accept", "application/json",
                        "X-CSRF-TOKEN", camille.csrfToken()),
                "{\"to\":[\"theo.moreau@ville.example\"],\"subject\":\"Astreinte\",\"text\":\"Bonjour Théo\"}");
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);

        assertThat(theo.get("/api/v1/mail/folders/INBOX/messages?size=1", "application/json")
                        .body())
                .contains("\"subject\":\"Astreinte\"", "\"seen\":false");
    }
}
