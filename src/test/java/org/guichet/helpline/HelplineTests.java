package org.guichet.helpline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import org.guichet.testing.Agents;
import org.guichet.testing.HttpAgent;
import org.guichet.testing.MutableClock;
import org.guichet.testing.TestClockConfiguration;
import org.guichet.testing.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Asking IT support from where one is stuck: from a refusal, the conversation carries the refusal's reference and the
 * reason the journal recorded (not what the address bar says); the helpdesk sees it in its queue beside the agent's
 * findings, answers and resolves; the agent sees only their own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
@Import({TestClockConfiguration.class, Agents.class})
class HelplineTests {

    private static final Pattern REFERENCE =
            Pattern.compile("class=\"reference\">\\s*<span>[^<]*</span>\\s*<strong>([^<]+)</strong>");

    @LocalServerPort
    int port;

    @Autowired
    Agents agents;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static String location(java.net.http.HttpResponse<String> answer) {
        return answer.headers().firstValue("Location").orElse("");
    }

    @Test
    void refusalWhenTheAgentContactsSupportThenTheConversationCarriesItsReferenceAndReasonForTheHelpdesk()
            throws Exception {
        var person = agents.create().withTotp().withRemoteAccess().build();
        var fromHome = new HttpAgent(port, TestData.address());
        fromHome.signInWithSecondFactor(person.login(), jdbc, clock);

        // the GIS is refused from the internet: the page names a reference, and offers to contact support with it
        var refused = fromHome.get("/services/gis", "text/html");
        assertThat(refused.statusCode()).isEqualTo(403);
        var matcher = REFERENCE.matcher(refused.body());
        assertThat(matcher.find()).as(refused.body()).isTrue();
        var reference = matcher.group(1);
        assertThat(refused.body()).contains("/help/contact?reference=" + reference);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> jdbc.sql("SELECT COUNT(*) FROM journal_entry WHERE type = 'AccessDenied' AND subject = ?")
                                .param(person.soi())
                                .query(Integer.class)
                                .single()
                        > 0);

        var contact = fromHome.get("/help/contact?reference=" + reference, "text/html");
        assertThat(contact.statusCode()).isEqualTo(200);
        assertThat(contact.body()).contains(reference, "Contacter l’assistance");
        var sent = fromHome.submit(
                "/help/contact?reference=" + reference,
                "/help/contact",
                Map.of("message", "Je n’arrive pas à ouvrir le SIG depuis chez moi.", "reference", reference));

        assertThat(sent.statusCode()).isEqualTo(302);
        assertThat(location(sent)).matches(".*/help/conversations/[0-9a-f-]{36}");
        var id = location(sent).replaceAll(".*/", "");
        var mine = fromHome.get("/api/v1/conversations", "application/json").body();
        assertThat(mine)
                .contains(reference, "\"reason\":\"CHANNEL_NOT_ALLOWED\"", "\"service\":\"gis\"")
                .contains("\"channel\":\"NOMADIC\"", "\"state\":\"OPEN\"");
        assertThat(fromHome.get("/help/conversations/" + id, "text/html").body())
                .contains("Je n’arrive pas à ouvrir le SIG depuis chez moi.", "En attente de l’assistance");

        // the helpdesk, from the office with its second factor: the queue, then the conversation with the findings
        var helpdesk = new HttpAgent(port, TestData.officeAddress());
        helpdesk.signInWithSecondFactor("hugo.robert", jdbc, clock);
        var queue = helpdesk.get("/api/v1/support/conversations", "application/json");
        assertThat(queue.statusCode()).isEqualTo(200);
        assertThat(queue.body()).contains(id, "CHANNEL_NOT_ALLOWED");
        var page = helpdesk.get("/support/conversations/" + id, "text/html");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("CHANNEL_NOT_ALLOWED", reference, "id=\"findings\"", "data-code=\"")
                .contains("/support/agents/" + person.soi());
        var answered = helpdesk.submit(
                "/support/conversations/" + id,
                "/support/conversations/" + id + "/answer",
                Map.of("message", "Le SIG ne s’ouvre que depuis le VPN : activez-le, puis réessayez."));
        assertThat(answered.statusCode()).isEqualTo(302);
        assertThat(helpdesk.submit(
                                "/support/conversations/" + id, "/support/conversations/" + id + "/resolve", Map.of())
                        .statusCode())
                .isEqualTo(302);

        // the agent reads the answer; a "merci" does not reopen it
        var thread = fromHome.get("/help/conversations/" + id, "text/html").body();
        assertThat(thread).contains("activez-le", "Résolue");
        fromHome.submit(
                "/help/conversations/" + id, "/help/conversations/" + id + "/replies", Map.of("message", "Merci !"));
        assertThat(fromHome.get("/api/v1/conversations", "application/json").body())
                .contains("\"state\":\"RESOLVED\"");
        // journaled, without what was written
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(jdbc.sql("""
                                        SELECT type FROM journal_entry WHERE subject = ? AND type LIKE 'Conversation%'""")
                                .param(person.soi())
                                .query(String.class)
                                .list())
                        .contains("ConversationOpened", "ConversationAnswered", "ConversationResolved"));
        assertThat(jdbc.sql("SELECT details FROM journal_entry WHERE subject = ? AND type LIKE 'Conversation%'")
                        .param(person.soi())
                        .query(String.class)
                        .list())
                .noneSatisfy(details -> assertThat(details).contains("SIG depuis chez moi"));
    }

    @Test
    void conversationWhenSomeoneElsesOrAForgedReferenceThenNotShownAndNoReasonTaken() {
        var person = agents.create().build();
        var other = agents.create().build();
        var browser = new HttpAgent(port, TestData.officeAddress());
        browser.signIn(person.login());
        var opened = browser.postJson(
                "/api/v1/conversations", "{\"message\":\"Mon planning ne s’affiche pas.\",\"reference\":\"FORGED1\"}");
        assertThat(opened.statusCode()).isEqualTo(201);
        var id = opened.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
        // a reference the journal does not know for this agent: neither it nor a reason is kept
        assertThat(browser.get("/api/v1/conversations", "application/json").body())
                .contains("\"reason\":null", "\"reference\":null");
        assertThat(browser.postJson("/api/v1/conversations", "{\"message\":\"  \"}")
                        .statusCode())
                .isEqualTo(400);

        var stranger = new HttpAgent(port, TestData.officeAddress());
        stranger.signIn(other.login());
        assertThat(stranger.get("/help/conversations/" + id, "text/html").statusCode())
                .isEqualTo(404);
        assertThat(stranger.get("/help/conversations/not-an-id", "text/html").statusCode())
                .isEqualTo(404);
        assertThat(stranger.get("/api/v1/support/conversations", "application/json")
                        .statusCode())
                .isEqualTo(403);
    }
}
