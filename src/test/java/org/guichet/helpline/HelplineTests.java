package org.guichet.helpline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.guichet.testing.Agents;
import org.guichet.testing.HttpAgent;
import org.guichet.testing.MutableClock;
import org.guichet.testing.Outbox;
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

    private List<Map<String, Object>> conversationsOf(String soi) {
        return jdbc.sql("SELECT id, blocked, unverified, state FROM conversation WHERE soi = ? ORDER BY opened_at")
                .param(soi)
                .query()
                .listOfRows();
    }

    private static String withoutTokens(String page) {
        return page.replaceAll("(name=\"_csrf\" (value|content)=\")[^\"]+", "$1")
                .replaceAll("(<meta name=\"_csrf\" content=\")[^\"]+", "$1");
    }

    @Test
    void loginPageWhenAKnownOrAnUnknownIdentifierThenTheSameAnswersAndNothingSentForTheUnknown() {
        var since = java.sql.Timestamp.from(clock.instant());
        var person = agents.create().build();
        var unknown = "personne." + TestData.block().name().toLowerCase(java.util.Locale.ROOT);
        var message = "{\"identifier\":\"%s\",\"message\":\"Je ne peux plus me connecter depuis hier.\"}";

        // the API: the same 202 and the same body for an agent's identifier and for one that names nobody
        var known = new HttpAgent(port, TestData.address())
                .postJsonFrom("/help/write", "/api/v1/conversations/anonymous", message.formatted(person.login()));
        var nobody = new HttpAgent(port, TestData.address())
                .postJsonFrom("/help/write", "/api/v1/conversations/anonymous", message.formatted(unknown));
        assertThat(known.statusCode()).isEqualTo(202);
        assertThat(nobody.statusCode()).isEqualTo(202);
        assertThat(nobody.body()).isEqualTo(known.body());

        // the page: the same answer too
        var knownPage = new HttpAgent(port, TestData.address())
                .submit("/help/write", "/help/write", Map.of("identifier", person.login(), "message", "Bloqué."));
        var nobodyPage = new HttpAgent(port, TestData.address())
                .submit("/help/write", "/help/write", Map.of("identifier", unknown, "message", "Bloqué."));
        assertThat(knownPage.statusCode()).isEqualTo(200);
        assertThat(withoutTokens(nobodyPage.body())).isEqualTo(withoutTokens(knownPage.body()));
        assertThat(knownPage.body()).contains("id=\"received\"");

        // the agent's two messages opened two conversations, first in the queue and marked unproven; the agent is
        // told at the address on file, and nothing goes anywhere for the unknown identifier
        await().atMost(Duration.ofSeconds(10))
                .until(() -> conversationsOf(person.soi()).size() == 2);
        assertThat(conversationsOf(person.soi()))
                .allSatisfy(row -> assertThat(row)
                        .containsEntry("blocked", true)
                        .containsEntry("unverified", true)
                        .containsEntry("state", "OPEN"));
        var outbox = new Outbox(jdbc);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> outbox.to(person.email()).size() == 2);
        assertThat(outbox.to(person.email()).getFirst()).contains("Votre message à l’assistance est reçu");
        assertThat(jdbc.sql("""
                        SELECT COUNT(*) FROM dev_outbox WHERE sent_at >= ? AND recipient <> ?
                        AND (subject LIKE '%assistance%' OR body LIKE ?)""")
                        .params(since, person.email(), "%" + unknown + "%")
                        .query(Integer.class)
                        .single())
                .isZero();

        // three messages an hour for one identifier, whoever sends them and whether or not it names an agent
        for (var identifier : List.of(person.login(), unknown)) {
            var third = new HttpAgent(port, TestData.address())
                    .postJsonFrom("/help/write", "/api/v1/conversations/anonymous", message.formatted(identifier));
            assertThat(third.statusCode()).as(identifier).isEqualTo(202);
            var fourth = new HttpAgent(port, TestData.address())
                    .postJsonFrom("/help/write", "/api/v1/conversations/anonymous", message.formatted(identifier));
            assertThat(fourth.statusCode()).as(identifier).isEqualTo(429);
            assertThat(fourth.body()).contains("TOO_MANY_MESSAGES");
        }
        // and what the writer must fix is said, the same way for both
        var empty = new HttpAgent(port, TestData.address())
                .submit("/help/write", "/help/write", Map.of("identifier", unknown, "message", " "));
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("Écrivez votre message");
    }

    @Test
    void conversationWhenTheoMoreauIsLockedOutThenHugoRobertUnlocksHimFromIt() {
        try {
            theoMoreauLockedOutIsUnlockedByHugoRobertFromHisConversation();
        } finally {
            // the README's accounts stay as they were: the conversation this test opened for theo goes
            jdbc.sql(
                            "DELETE FROM conversation_message WHERE conversation_id IN (SELECT id FROM conversation WHERE soi = '1000007')")
                    .update();
            jdbc.sql("DELETE FROM conversation WHERE soi = '1000007'").update();
        }
    }

    private void theoMoreauLockedOutIsUnlockedByHugoRobertFromHisConversation() {
        var theo = "theo.moreau";
        var outside = new HttpAgent(port, TestData.address());
        for (var i = 0; i < 5; i++) {
            outside.submit("/login", "/login", Map.of("username", theo, "password", "pas-le-bon-" + i));
        }
        assertThat(outside.submit(
                                "/login",
                                "/login",
                                Map.of("username", theo, "password", org.guichet.testing.Demo.PASSWORD))
                        .headers()
                        .firstValue("Location")
                        .orElse(""))
                .contains("error");
        var before = conversationsOf("1000007").size();
        var written = outside.submit(
                "/help/write",
                "/help/write",
                Map.of("identifier", theo, "message", "Mon compte est bloqué, je ne peux plus rien ouvrir."));
        assertThat(written.statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> conversationsOf("1000007").size() == before + 1);
        var id = String.valueOf(conversationsOf("1000007").getLast().get("id"));

        // hugo.robert: the conversation first among those waiting, with theo's findings and the unlock suggested
        var hugo = new HttpAgent(port, TestData.officeAddress());
        hugo.signInWithSecondFactor("hugo.robert", jdbc, clock);
        var queue = hugo.get("/support/conversations", "text/html").body();
        assertThat(queue).contains("/support/conversations/" + id, "Ne peut pas se connecter");
        var page = hugo.get("/support/conversations/" + id, "text/html");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("data-code=\"LOCKED\"", "id=\"unverified\"", "id=\"remedy-unlock\"", "card--suggested")
                .contains("Mon compte est bloqué");
        var unlocked = hugo.submit(
                "/support/conversations/" + id,
                "/support/conversations/" + id + "/remedies/unlock",
                Map.of("reason", "Rappelé au numéro enregistré, identité vérifiée."));
        assertThat(unlocked.statusCode()).isEqualTo(302);
        var after = hugo.get("/support/conversations/" + id, "text/html").body();
        assertThat(after).contains("id=\"done\"", "data-remedy=\"UNLOCK\"", "Rappelé au numéro enregistré");
        assertThat(after).contains("Hugo Robert");

        // journaled as the console's unlock, by hugo, with his reason
        assertThat(jdbc.sql("""
                        SELECT COUNT(*) FROM journal_entry WHERE type = 'HelpdeskUnlock' AND subject = '1000007'
                        AND actor = '1000004' AND details LIKE ?""")
                        .param("%Rappelé au numéro enregistré%")
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);

        // theo signs in again, and reads in his conversation what was done, his own message as "Vous"
        var theoAgain = new HttpAgent(port, TestData.officeAddress());
        theoAgain.signIn(theo);
        var mine = theoAgain.get("/help/conversations/" + id, "text/html").body();
        assertThat(mine).contains("L’assistance a déverrouillé votre compte", "<strong>Vous</strong>");
        assertThat(mine).doesNotContain("Rappelé au numéro enregistré");
    }

    @Test
    void conversationWhenTheHelpdeskTakesAnswersWithACannedAnswerAndReopensThenTheAgentSeesEachStep() {
        var person = agents.create().build();
        var colleague = agents.create().build();
        var browser = new HttpAgent(port, TestData.officeAddress());
        browser.signIn(person.login());
        var id = browser.postJson("/api/v1/conversations", "{\"message\":\"Mon planning est vide.\"}")
                .body()
                .replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
        var hugo = new HttpAgent(port, TestData.officeAddress());
        hugo.signInWithSecondFactor("hugo.robert", jdbc, clock);

        // taken by hugo; given to someone outside the helpdesk: refused
        assertThat(hugo.postJson("/api/v1/support/conversations/" + id + "/assign", "{\"to\":\"1000004\"}")
                        .body())
                .contains("\"assigneeName\":\"Hugo Robert\"");
        var refused = hugo.postJson(
                "/api/v1/support/conversations/" + id + "/assign", "{\"to\":\"" + colleague.soi() + "\"}");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("NOT_HELPDESK");

        // a canned answer, in English, sent as it is
        hugo.submit(
                "/support/conversations/" + id,
                "/support/conversations/" + id + "/answer",
                Map.of("message", "", "canned", "en.USE_VPN"));
        assertThat(browser.get("/api/v1/conversations/" + id, "application/json")
                        .body())
                .contains("this service only opens from the city network or the VPN", "\"state\":\"ANSWERED\"");

        // resolved; the agent's "merci" keeps it resolved; asking to reopen reopens it
        hugo.submit("/support/conversations/" + id, "/support/conversations/" + id + "/resolve", Map.of());
        assertThat(browser.postJson("/api/v1/conversations/" + id + "/replies", "{\"message\":\"Merci\"}")
                        .body())
                .contains("\"state\":\"RESOLVED\"");
        assertThat(browser.get("/help/conversations/" + id, "text/html").body()).contains("id=\"reopen\"");
        assertThat(browser.postJson(
                                "/api/v1/conversations/" + id + "/replies",
                                "{\"message\":\"En fait non, toujours vide.\",\"reopen\":true}")
                        .body())
                .contains("\"state\":\"OPEN\"");
        // the helpdesk resolves again, then reopens it itself
        hugo.postJson("/api/v1/support/conversations/" + id + "/resolve", "{}");
        assertThat(hugo.postJson("/api/v1/support/conversations/" + id + "/reopen", "{}")
                        .body())
                .contains("\"state\":\"OPEN\"");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> jdbc.sql(
                                        "SELECT COUNT(*) FROM journal_entry WHERE type = 'ConversationReopened' AND subject = ?")
                                .param(person.soi())
                                .query(Integer.class)
                                .single()
                        == 2);
        // someone else's conversation is never answered through the agent's API
        var stranger = new HttpAgent(port, TestData.officeAddress());
        stranger.signIn(colleague.login());
        assertThat(stranger.postJson("/api/v1/conversations/" + id + "/replies", "{\"message\":\"Coucou\"}")
                        .statusCode())
                .isEqualTo(404);
    }
}
