package org.guichet.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.util.List;
import org.guichet.testing.Agents;
import org.guichet.testing.Demo;
import org.guichet.testing.IntegrationTest;
import org.guichet.testing.MockBrowser;
import org.guichet.testing.Outbox;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * In-app notifications: each event that concerns an agent lands in their list (the bell counts the unread ones), with
 * an e-mail unless they turned off that subject; security e-mails cannot be turned off.
 */
@IntegrationTest
class NotificationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Agents agents;

    Agents.TestAgent agent;

    MockBrowser camille;

    @BeforeEach
    void aNewAgentWithNoNotification() {
        agent = agents.create().named("Camille").build();
        camille = new MockBrowser(mvc);
        camille.signIn(agent.login(), Demo.PASSWORD);
    }

    @Test
    void requestWhenCompletedThenNotifiedInTheListAndByEmail() {
        var outbox = new Outbox(jdbc);
        var mails = outbox.to(agent.email()).size();
        assertThat(camille.postJson("/api/v1/requests", "{\"type\": \"EMPLOYMENT_CERTIFICATE\"}"))
                .hasStatus(HttpStatus.CREATED);

        await().atMost(Duration.ofSeconds(10)).until(() -> titles().contains("Votre demande est terminée"));
        assertThat(outbox.awaitMessage(agent.email(), mails)).contains("Votre demande est terminée");
        var list = camille.body(camille.getJson("/api/v1/notifications"));
        assertThat(JsonPath.<Integer>read(list, "$.unread")).isEqualTo(1);
        assertThat(JsonPath.<List<String>>read(list, "$.notifications[*].link")).containsExactly("/requests");
        assertThat(camille.body(camille.get("/"))).contains("id=\"bell\"", "Notifications (1 non lue(s))");

        // read: the count falls; nobody else marks it
        String id = JsonPath.<List<String>>read(list, "$.notifications[*].id").getFirst();
        var theo = new MockBrowser(mvc);
        theo.signIn(agents.create().named("Théo").build().login(), Demo.PASSWORD);
        assertThat(theo.postJson("/api/v1/notifications/" + id + "/read", null)).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(theo.get("/notifications/" + id)).hasRedirectedUrl("/notifications");
        assertThat(JsonPath.<Integer>read(camille.body(camille.getJson("/api/v1/notifications")), "$.unread"))
                .isEqualTo(1);
        assertThat(camille.get("/notifications/" + id))
                .as("opening it goes to its page")
                .hasRedirectedUrl("/requests");
        assertThat(camille.postJson("/api/v1/notifications/" + id + "/read", null))
                .hasStatus(HttpStatus.NO_CONTENT);
        assertThat(JsonPath.<Integer>read(camille.body(camille.getJson("/api/v1/notifications")), "$.unread"))
                .isZero();
    }

    @Test
    void emailChoiceWhenTurnedOffThenOnlyTheInAppNotificationAndSecurityStaysOn() {
        assertThat(camille.putJson("/api/v1/notifications/email", "{\"REQUESTS\": false}"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.REQUESTS")
                .isEqualTo(false);
        assertThat(camille.putJson("/api/v1/notifications/email", "{\"SECURITY\": false}"))
                .hasStatus(HttpStatus.BAD_REQUEST);

        var outbox = new Outbox(jdbc);
        var mails = outbox.to(agent.email()).size();
        camille.postJson("/api/v1/requests", "{\"type\": \"EMPLOYMENT_CERTIFICATE\"}");
        await().atMost(Duration.ofSeconds(10)).until(() -> titles().contains("Votre demande est terminée"));
        assertThat(outbox.to(agent.email())).hasSize(mails);

        // the page shows the choice, security checked and locked
        var page = camille.body(camille.get("/notifications"));
        assertThat(page).contains("id=\"email-SECURITY\"", "disabled");
        assertThat(camille.post("/notifications/email", "email.LEAVE", "true")).hasRedirectedUrl("/notifications");
        assertThat(camille.body(camille.getJson("/api/v1/notifications/email"))).contains("\"REQUESTS\":false");
    }

    private List<String> titles() {
        return JsonPath.read(camille.body(camille.getJson("/api/v1/notifications")), "$.notifications[*].title");
    }
}
