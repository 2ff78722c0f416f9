package org.guichet.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.guichet.helpline.Conversations;
import org.guichet.testing.Agents;
import org.guichet.testing.FreePorts;
import org.guichet.testing.HttpAgent;
import org.guichet.testing.TestClockConfiguration;
import org.guichet.testing.TestData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Notifications by Web Push against a real push service run locally (the npm package {@code web-push-testing}, which
 * checks the VAPID signature and decrypts what it receives): a subscription made with Guichet's key for the support
 * category receives IT support's answer, and nothing of a category the agent did not choose; a subscription that names
 * an address other than a push service's is refused.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "guichet.notification.push.push-services=127.0.0.1,localhost")
@ActiveProfiles({"test", "demo"})
@Import({TestClockConfiguration.class, Agents.class})
class WebPushTests {

    private static final Path TOOLS = Path.of("src", "test", "node");
    private static final int PUSH_SERVICE = FreePorts.next();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static Process pushService;

    @LocalServerPort
    int port;

    @Autowired
    Agents agents;

    @Autowired
    Conversations conversations;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @BeforeAll
    static void startThePushService() throws Exception {
        var server = TOOLS.resolve("node_modules/web-push-testing/src/bin/server.js");
        if (!Files.exists(server)) {
            // .ci/run installs it; a developer's first run installs it here
            var install = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--prefix", TOOLS.toString())
                    .inheritIO()
                    .start();
            assertThat(install.waitFor(5, TimeUnit.MINUTES)).isTrue();
            assertThat(install.exitValue()).as("npm ci in src/test/node").isZero();
        }
        pushService = new ProcessBuilder("node", server.toString(), String.valueOf(PUSH_SERVICE))
                .redirectErrorStream(true)
                .redirectOutput(Path.of("target", "web-push-testing.log").toFile())
                .start();
        await().atMost(Duration.ofSeconds(20))
                .ignoreExceptions()
                .until(() -> post("/status", "{}").statusCode() == 200);
    }

    @AfterAll
    static void stopThePushService() {
        if (pushService != null) {
            pushService.destroy();
        }
    }

    private static HttpResponse<String> post(String path, String json) throws Exception {
        try (var client = HttpClient.newHttpClient()) {
            return client.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PUSH_SERVICE + path))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(json))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    private static List<String> received(String clientHash) throws Exception {
        var answer = JSON.readTree(post("/get-notifications", "{\"clientHash\":\"" + clientHash + "\"}")
                .body());
        return answer.path("data")
                .path("messages")
                .valueStream()
                .map(JsonNode::asString)
                .toList();
    }

    @Test
    void pushWhenTheAgentChoseSupportOnThisDeviceThenTheAnswerArrivesAndNothingElse() throws Exception {
        var person = agents.create().build();
        var browser = new HttpAgent(port, TestData.officeAddress());
        browser.signIn(person.login());
        var key = JSON.readTree(browser.get("/api/v1/notifications/push/key", "application/json")
                        .body())
                .get("applicationServerKey")
                .asString();

        // the browser subscribes at its push service with Guichet's key, and gives Guichet the subscription
        var subscribed = post("/subscribe", "{\"userVisibleOnly\":\"true\",\"applicationServerKey\":\"" + key + "\"}");
        assertThat(subscribed.statusCode()).as(subscribed.body()).isEqualTo(200);
        var subscription = JSON.readTree(subscribed.body()).get("data");
        var clientHash = subscription.get("clientHash").asString();
        var command = "{\"endpoint\":\"%s\",\"keys\":{\"p256dh\":\"%s\",\"auth\":\"%s\"},\"categories\":[\"SUPPORT\"]}"
                .formatted(
                        subscription.get("endpoint").asString(),
                        subscription.at("/keys/p256dh").asString(),
                        subscription.at("/keys/auth").asString());
        assertThat(browser.postJson("/api/v1/notifications/push/subscriptions", command)
                        .statusCode())
                .isEqualTo(201);

        // a security notice (the account locked) is not among the categories chosen here: not pushed
        var outside = new HttpAgent(port, TestData.address());
        for (var i = 0; i < 5; i++) {
            outside.submit("/login", "/login", Map.of("username", person.login(), "password", "faux-" + i));
        }
        // IT support answers: pushed, encrypted for this subscription and signed with Guichet's VAPID key
        var helpdesk = agents.create().withRoles("SUPPORT").build();
        var id = conversations.open(
                person.id(), "Je ne reçois rien.", new Conversations.Context(null, "INTERNAL", null, null));
        conversations.answer(helpdesk.id(), id, "C’est réglé.");
        await().atMost(Duration.ofSeconds(15)).until(() -> !received(clientHash).isEmpty());
        await().atMost(Duration.ofSeconds(10))
                .until(() -> jdbc.sql("SELECT COUNT(*) FROM notification WHERE soi = ?")
                                .param(person.soi())
                                .query(Integer.class)
                                .single()
                        >= 2);
        var messages = received(clientHash);
        assertThat(messages).hasSize(1);
        var message = JSON.readTree(messages.getFirst());
        assertThat(message.get("title").asString()).isEqualTo("L’assistance vous a répondu");
        assertThat(message.get("link").asString()).isEqualTo("/help/conversations/" + id);
    }

    @Test
    void subscriptionWhenItsAddressIsNotAPushServiceThenRefused() {
        var person = agents.create().build();
        var browser = new HttpAgent(port, TestData.officeAddress());
        browser.signIn(person.login());
        for (var endpoint : List.of(
                "http://10.0.0.1/push", "https://intranet.ville.example/push", "file:///etc/passwd", "not a uri")) {
            var command =
                    "{\"endpoint\":\"%s\",\"keys\":{\"p256dh\":\"BA\",\"auth\":\"AA\"},\"categories\":[\"SUPPORT\"]}"
                            .formatted(endpoint);
            assertThat(browser.postJson("/api/v1/notifications/push/subscriptions", command)
                            .statusCode())
                    .as(endpoint)
                    .isEqualTo(400);
        }
        assertThat(browser.postJson(
                                "/api/v1/notifications/push/subscriptions",
                                "{\"endpoint\":\"http://127.0.0.1:9/x\",\"keys\":{\"p256dh\":\"BA\",\"auth\":\"AA\"},"
                                        + "\"categories\":[]}")
                        .statusCode())
                .isEqualTo(400);
    }
}
