package org.guichet.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Session;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.guichet.directory.AgentId;
import org.guichet.network.Channel;
import org.guichet.network.ClientConnection;
import org.guichet.sso.AgentTokens;
import org.guichet.testing.Agents;
import org.guichet.testing.Dovecot;
import org.guichet.testing.HttpAgent;
import org.guichet.testing.MailServer;
import org.guichet.testing.MutableClock;
import org.guichet.testing.TestClockConfiguration;
import org.guichet.testing.TestData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The webmail against a real Dovecot whose {@code passdb oauth2} checks Guichet's tokens at Guichet's own {@code
 * /oauth2/introspect}: the agent's mailbox opens with the Guichet sign-in alone, and what ends the token (a
 * revocation, the session's end) closes the mailbox at the next IMAP login.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "guichet.messaging.resource-server-secret=" + MailDovecotTests.SECRET)
@ActiveProfiles({"test", "demo"})
@Import({TestClockConfiguration.class, Agents.class})
class MailDovecotTests {

    static final String SECRET = "mail-server-test-secret";

    /** Dovecot, and the GreenMail its submission server relays to (the rest of the mail system, for the test to read). */
    private static final MailServer MAIL = new MailServer();

    private static Dovecot dovecot;

    @LocalServerPort
    int port;

    @Autowired
    Agents agents;

    @Autowired
    AgentTokens tokens;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry properties) {
        MAIL.properties(properties);
    }

    /**
     * Dovecot starts once Guichet listens: it checks tokens at Guichet's introspection endpoint, and relays what agents
     * send to the GreenMail the test reads.
     */
    @BeforeEach
    void startDovecot() throws Exception {
        dovecot = MAIL.start(port, SECRET);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @AfterAll
    static void stop() throws Exception {
        MAIL.close();
    }

    private static String message(String to, String subject) {
        return MailServer.message(to, subject);
    }

    private static String mailbox(Agents.TestAgent person) {
        return MailServer.mailbox(person.email());
    }

    /** Signs in to the mail server as Guichet does, with the token as the only credential. */
    /**
     * Signing out ends the applications' tokens after its transaction commits (SessionEnds listens to SignedOut): the
     * token is refused within moments, not necessarily by the time the sign-out's redirect is answered.
     */
    private static void refusedSoon(String username, String token) {
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThatThrownBy(() -> imapLogin(username, token))
                        .isInstanceOf(AuthenticationFailedException.class));
    }

    private static void imapLogin(String username, String token) throws Exception {
        var properties = new Properties();
        properties.put("mail.imap.auth.mechanisms", "XOAUTH2");
        properties.put("mail.imap.connectiontimeout", "5000");
        properties.put("mail.imap.timeout", "5000");
        try (var store = Session.getInstance(properties).getStore("imap")) {
            store.connect("127.0.0.1", MAIL.imapPort(), username, token);
        }
    }

    private HttpAgent signedIn(Agents.TestAgent person) {
        var browser = new HttpAgent(port, TestData.officeAddress());
        browser.signIn(person.login());
        return browser;
    }

    private int tokensOf(Agents.TestAgent person) {
        return jdbc.sql("""
                        SELECT COUNT(*) FROM oauth2_authorization a JOIN oauth2_registered_client c
                        ON c.id = a.registered_client_id WHERE c.client_id = 'mail-server' AND a.principal_name = ?""").param(person.soi()).query(Integer.class).single();
    }

    private String lastToken(Agents.TestAgent person) {
        return jdbc.sql("""
                        SELECT a.access_token_value FROM oauth2_authorization a JOIN oauth2_registered_client c
                        ON c.id = a.registered_client_id WHERE c.client_id = 'mail-server' AND a.principal_name = ?
                        ORDER BY a.access_token_issued_at DESC""")
                .param(person.soi())
                .query((rs, row) -> new String(rs.getBytes(1), java.nio.charset.StandardCharsets.UTF_8))
                .list()
                .getFirst();
    }

    @Test
    void foldersWhenSignedInToGuichetThenTheMailboxWithoutASecondPassword() throws Exception {
        var person = agents.create().build();
        dovecot.deliver(mailbox(person), message(person.email(), "Votre bulletin de novembre"), false);
        dovecot.deliver(mailbox(person), message(person.email(), "Réunion de service"), false);
        dovecot.deliver(mailbox(person), message(person.email(), "Lu"), true);

        var folders = signedIn(person).get("/api/v1/mail/folders", "application/json");

        assertThat(folders.statusCode()).as(dovecot.log()).isEqualTo(200);
        assertThat(folders.body()).contains("{\"name\":\"INBOX\",\"unread\":2,\"total\":3}");
    }

    @Test
    void tokenWhenRevokedThenRefusedAtTheNextImapLogin() throws Exception {
        var person = agents.create().build();
        var issued = tokens.issue(
                "mail-server",
                AgentId.of(person.soi()),
                "test-session-" + person.soi(),
                new ClientConnection(TestData.officeAddress(), Channel.INTERNAL),
                person.email(),
                Set.of("mail"),
                Duration.ofMinutes(10));
        imapLogin(person.email(), issued.value());

        tokens.revoke(issued.value());

        assertThatThrownBy(() -> imapLogin(person.email(), issued.value()))
                .isInstanceOf(AuthenticationFailedException.class);
        // nor does a token open another agent's mailbox
        var other = agents.create().build();
        var theirs = tokens.issue(
                "mail-server",
                AgentId.of(other.soi()),
                "test-session-" + other.soi(),
                new ClientConnection(TestData.officeAddress(), Channel.INTERNAL),
                other.email(),
                Set.of("mail"),
                Duration.ofMinutes(10));
        assertThatThrownBy(() -> imapLogin(person.email(), theirs.value()))
                .isInstanceOf(AuthenticationFailedException.class);
    }

    @Test
    void tokenWhenAboutToExpireThenReplacedBeforeTheMailServerSeesIt() throws Exception {
        var person = agents.create().build();
        var browser = signedIn(person);
        assertThat(browser.get("/api/v1/mail/folders", "application/json").statusCode())
                .isEqualTo(200);
        assertThat(browser.get("/api/v1/mail/folders", "application/json").statusCode())
                .isEqualTo(200);
        assertThat(tokensOf(person)).isEqualTo(1);

        // 9 minutes on, the 10-minute token has less than the 2 minutes' margin left: a new one is asked for
        clock.advance(Duration.ofMinutes(9));
        assertThat(browser.get("/api/v1/mail/folders", "application/json").statusCode())
                .as(dovecot.log())
                .isEqualTo(200);

        assertThat(tokensOf(person)).isEqualTo(2);
        // one sign-in to the mailbox in the journal for the session, whatever the renewals
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(jdbc.sql(
                                        "SELECT COUNT(*) FROM journal_entry WHERE type = 'ApplicationSignedIn' AND subject = ?")
                                .param(person.soi())
                                .query(Integer.class)
                                .single())
                        .isEqualTo(1));
    }

    @Test
    void sessionWhenSignedOutThenItsTokenIsRefusedAndASignInIsAskedNoError() throws Exception {
        var person = agents.create().build();
        var browser = signedIn(person);
        assertThat(browser.get("/api/v1/mail/folders", "application/json").statusCode())
                .isEqualTo(200);
        var token = lastToken(person);
        imapLogin(person.email(), token);

        var out = browser.submit("/", "/logout", Map.of());

        assertThat(out.statusCode()).isEqualTo(302);
        refusedSoon(person.email(), token);
        assertThat(browser.get("/api/v1/mail/folders", "application/json").statusCode())
                .isEqualTo(401);
    }

    @Test
    void tokenWhenRevokedWhileTheSessionLivesThenTheNextCallIsGivenANewOneAndSignOutWorks() throws Exception {
        var person = agents.create().build();
        var browser = signedIn(person);
        assertThat(browser.get("/api/v1/mail/folders", "application/json").statusCode())
                .isEqualTo(200);
        var revoked = lastToken(person);
        tokens.revoke(revoked);
        assertThatThrownBy(() -> imapLogin(person.email(), revoked)).isInstanceOf(AuthenticationFailedException.class);

        // the session still lives: a new token, and the mailbox opens without a word to the agent
        assertThat(browser.get("/api/v1/mail/folders", "application/json").statusCode())
                .isEqualTo(200);
        assertThat(tokensOf(person)).isEqualTo(2);
        assertThat(lastToken(person)).isNotEqualTo(revoked);
        // signing out still works, and ends the new one too
        var current = lastToken(person);
        assertThat(browser.submit("/", "/logout", Map.of()).statusCode()).isEqualTo(302);
        refusedSoon(person.email(), current);
    }

    @Test
    void foldersWhenAskedTwiceAtOnceThenBothAnsweredNeverA500() throws Exception {
        var person = agents.create().build();
        var browser = signedIn(person);

        var answers = java.util.stream.IntStream.range(0, 4)
                .parallel()
                .mapToObj(i ->
                        browser.get("/api/v1/mail/folders", "application/json").statusCode())
                .toList();

        assertThat(answers).containsOnly(200);
    }

    @Test
    void messagesWhenManyThenPageByPageNewestFirst() throws Exception {
        var person = agents.create().build();
        for (int i = 1; i <= 25; i++) {
            dovecot.deliver(mailbox(person), message(person.email(), "Message " + i), i <= 3);
        }
        var browser = signedIn(person);

        var first = browser.get("/api/v1/mail/folders/INBOX/messages?size=20", "application/json");
        var second = browser.get("/api/v1/mail/folders/INBOX/messages?page=1&size=20", "application/json");

        assertThat(first.statusCode()).as(dovecot.log()).isEqualTo(200);
        assertThat(first.body())
                .contains("\"total\":25", "\"page\":0")
                .containsPattern("\"messages\":\\[\\{\"id\":\"[\\w-]+\\.\\d+\\.\\d+\",\"from\":\"Service RH\","
                        + "\"subject\":\"Message 25\"");
        assertThat(first.body().split("\"subject\":").length - 1).isEqualTo(20);
        assertThat(second.body().split("\"subject\":").length - 1).isEqualTo(5);
        assertThat(second.body()).contains("\"subject\":\"Message 1\",").contains("\"seen\":true");
        // searched on the server: subject, sender or text
        var found = browser.get("/api/v1/mail/folders/INBOX/messages?q=Message%2025", "application/json");
        assertThat(found.body()).contains("\"total\":1", "\"subject\":\"Message 25\"");
        assertThat(browser.get("/api/v1/mail/folders/INBOX/messages?q=introuvable", "application/json")
                        .body())
                .contains("\"total\":0", "\"messages\":[]");
        // or by the day it was sent, as agents write it
        assertThat(browser.get("/api/v1/mail/folders/INBOX/messages?q=30/11/2026", "application/json")
                        .body())
                .contains("\"total\":25");
        assertThat(browser.get("/api/v1/mail/folders/INBOX/messages?q=2026-12-01", "application/json")
                        .body())
                .contains("\"total\":0");
        assertThat(browser.get("/api/v1/mail/folders/INBOX/messages?q=" + "x".repeat(201), "application/json")
                        .statusCode())
                .isEqualTo(400);
    }

    @Test
    void messageWhenHtmlWithScriptHandlerAndRemoteImageThenNoneOfThemRunsOrLoads() throws Exception {
        var person = agents.create().build();
        dovecot.deliver(mailbox(person), """
                From: Lettre interne <lettre@ville.example>
                To: %s
                Subject: La lettre de la semaine
                Date: Tue, 01 Dec 2026 08:00:00 +0100
                MIME-Version: 1.0
                Content-Type: multipart/alternative; boundary="b1"

                --b1
                Content-Type: text/plain; charset=utf-8

                La lettre de la semaine.
                --b1
                Content-Type: text/html; charset=utf-8

                <html><body onload="steal()"><h1>La lettre</h1><script>alert(document.cookie)</script>
                <p style="color: red" onclick="steal()">Bonjour <b>à tous</b></p>
                <img src="https://tracker.example/pixel.gif?agent=1" alt="suivi">
                <a href="https://banque.example/connexion" onmouseover="steal()">Votre banque</a>
                <a href="javascript:steal()">cliquez</a><iframe src="https://evil.example/"></iframe>
                <form action="https://evil.example/"><input name="password"></form></body></html>
                --b1--
                """.formatted(person.email()), false);
        var browser = signedIn(person);
        var list = browser.get("/api/v1/mail/folders/INBOX/messages", "application/json")
                .body();
        var id = list.replaceAll("(?s).*\"id\":\"([^\"]+)\".*", "$1");

        var read = browser.get("/api/v1/mail/messages/" + id, "application/json");

        assertThat(read.statusCode()).as(dovecot.log()).isEqualTo(200);
        assertThat(read.body())
                .contains("\"subject\":\"La lettre de la semaine\"", "\"remoteImages\":true")
                .contains("<h1>La lettre</h1>", "<b>à tous</b>", "https://banque.example/connexion")
                .containsPattern(
                        "href=\\\\\"https://banque.example/connexion\\\\\" rel=\\\\\"[a-z ]*noopener[a-z ]*\\\\\"")
                .containsPattern("rel=\\\\\"[a-z ]*noreferrer[a-z ]*\\\\\"")
                .doesNotContain("<script", "alert(", "onload", "onclick", "onmouseover", "steal()", "javascript:")
                .doesNotContain("tracker.example", "<iframe", "evil.example", "<form", "<input");
        // read now; and the remote image only when the agent asks for it
        assertThat(browser.get("/api/v1/mail/folders", "application/json").body())
                .contains("{\"name\":\"INBOX\",\"unread\":0,\"total\":1}");
        assertThat(browser.get("/api/v1/mail/messages/" + id + "?images=true", "application/json")
                        .body())
                .contains("<img src=\\\"https://tracker.example/pixel.gif?agent&#61;1\\\"")
                .doesNotContain("<script", "onload");
    }

    @Test
    void mailWhenAskedWrongThenAClear4xxInTheAgentsLanguage() throws Exception {
        var person = agents.create().build();
        dovecot.deliver(mailbox(person), message(person.email(), "Un message"), false);
        var browser = signedIn(person);

        var unknownFolder = browser.get("/api/v1/mail/folders/Inexistant/messages", "application/json");
        var garbledId = browser.get("/api/v1/mail/messages/..%2F..%2Fetc", "application/json");
        var goneMessage =
                browser.get("/api/v1/mail/messages/" + new MessageId("INBOX", 1, 999_999).value(), "application/json");
        var negativePage = browser.get("/api/v1/mail/folders/INBOX/messages?page=-1", "application/json");
        var hugeSize = browser.get("/api/v1/mail/folders/INBOX/messages?size=100000", "application/json");
        var notANumber = browser.get("/api/v1/mail/folders/INBOX/messages?page=abc", "application/json");

        assertThat(unknownFolder.statusCode()).isEqualTo(404);
        assertThat(unknownFolder.body()).contains("\"errorCode\":\"FOLDER_NOT_FOUND\"", "Ce dossier n’existe pas");
        assertThat(garbledId.statusCode()).isIn(400, 404);
        assertThat(goneMessage.statusCode()).isEqualTo(404);
        assertThat(goneMessage.body()).contains("\"errorCode\":\"MESSAGE_NOT_FOUND\"");
        assertThat(negativePage.statusCode()).isEqualTo(400);
        assertThat(hugeSize.statusCode()).isEqualTo(400);
        assertThat(notANumber.statusCode()).isEqualTo(400);
    }

    private static String json(String to, String subject) {
        return "{\"to\":[\"" + to + "\"],\"cc\":[],\"subject\":\"" + subject + "\",\"text\":\"À demain,\\nCamille\"}";
    }

    private static java.net.http.HttpResponse<String> send(HttpAgent browser, String body) {
        return browser.postJson("/api/v1/mail/messages", body);
    }

    @Test
    void sendWhenToAColleagueThenDeliveredAsTheAgentAndACopyInSent() throws Exception {
        var person = agents.create().build();
        var browser = signedIn(person);
        var before = MAIL.relayed().length;

        var sent = send(browser, json("collegue@ville.example", "Réunion de service"));

        assertThat(sent.statusCode()).as(sent.body() + dovecot.log()).isEqualTo(201);
        var received = MAIL.relayed();
        assertThat(received).hasSize(before + 1);
        var message = MAIL.relayed("Réunion de service");
        assertThat(message.getSubject()).isEqualTo("Réunion de service");
        assertThat(message.getFrom()[0].toString()).isEqualTo(person.email());
        assertThat(message.getAllRecipients()[0].toString()).isEqualTo("collegue@ville.example");
        assertThat(browser.get("/api/v1/mail/folders", "application/json").body())
                .contains("{\"name\":\"Sent\",\"unread\":0,\"total\":1}");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> jdbc.sql("SELECT COUNT(*) FROM journal_entry WHERE type = 'MailSent' AND subject = ?")
                                .param(person.soi())
                                .query(Integer.class)
                                .single()
                        > 0);
        assertThat(jdbc.sql("SELECT details FROM journal_entry WHERE type = 'MailSent' AND subject = ?")
                        .param(person.soi())
                        .query(String.class)
                        .list())
                .singleElement()
                .asString()
                .contains("recipients")
                .doesNotContain("Réunion", "demain", "collegue");
    }

    @Test
    void sendWhenToAPersonalMailboxThenRefusedWithTheCharterNothingSentAndJournaled() throws Exception {
        var person = agents.create().build();
        var browser = signedIn(person);
        var before = MAIL.relayed().length;

        var refused = send(browser, json("moi.perso@gmail.com", "Mon bulletin"));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body())
                .contains("\"errorCode\":\"OUTSIDE_RECIPIENT\"", "charte informatique", "moi.perso@gmail.com");
        assertThat(MAIL.relayed()).hasSize(before);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(jdbc.sql(
                                        "SELECT COUNT(*) FROM journal_entry WHERE type = 'MailRefused' AND subject = ?")
                                .param(person.soi())
                                .query(Integer.class)
                                .single())
                        .isEqualTo(1));
        // a colleague in copy does not make it pass
        assertThat(send(
                                browser,
                                "{\"to\":[\"collegue@ville.example\"],\"cc\":[\"moi@outlook.fr\"],\"subject\":\"x\",\"text\":\"y\"}")
                        .statusCode())
                .isEqualTo(422);
        assertThat(MAIL.relayed()).hasSize(before);
    }

    @Test
    void sendWhenMalformedThenA400InTheAgentsLanguageAndNothingSent() throws Exception {
        var person = agents.create().build();
        var browser = signedIn(person);
        var before = MAIL.relayed().length;

        var noRecipient = send(browser, "{\"to\":[],\"subject\":\"x\",\"text\":\"y\"}");
        var badAddress = send(browser, json("pas une adresse", "x"));
        var injected = send(browser, json("a@ville.example\\r\\nBcc: espion@gmail.com", "x"));
        var notJson = send(browser, "{");
        var wrongType = send(browser, "{\"to\":\"collegue@ville.example\"}");
        var notJsonAtAll = browser.post(
                "/api/v1/mail/messages",
                Map.of("Content-Type", "text/plain", "Accept", "application/json", "X-CSRF-TOKEN", browser.csrfToken()),
                "to: collegue@ville.example");
        var filesWithoutMessage = browser.postMultipart(
                "/api/v1/mail/messages",
                Map.of("Accept", "application/json", "X-CSRF-TOKEN", browser.csrfToken()),
                java.util.List.of(HttpAgent.Part.field("files", "text/plain", "x")));
        var draftTooManyRecipients = browser.postJson(
                "/api/v1/mail/drafts",
                "{\"to\":[" + String.join(",", java.util.Collections.nCopies(101, "\"a@ville.example\"")) + "]}");
        var unknownDocument =
                send(browser, "{\"to\":[\"collegue@ville.example\"],\"attachments\":[{\"document\":\"bulletin:1\"}]}");

        assertThat(noRecipient.statusCode()).isEqualTo(400);
        assertThat(badAddress.statusCode()).isEqualTo(400);
        assertThat(badAddress.body()).contains("\"errorCode\":\"MESSAGE_INVALID\"", "adresse valide");
        assertThat(injected.statusCode()).isEqualTo(400);
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(wrongType.statusCode()).isEqualTo(400);
        assertThat(notJsonAtAll.statusCode()).isEqualTo(415);
        assertThat(filesWithoutMessage.statusCode()).isEqualTo(400);
        assertThat(draftTooManyRecipients.statusCode()).isEqualTo(400);
        assertThat(unknownDocument.statusCode()).isEqualTo(404);
        assertThat(unknownDocument.body()).contains("\"errorCode\":\"DOCUMENT_NOT_FOUND\"");
        assertThat(MAIL.relayed()).hasSize(before);
    }

    @Test
    void attachmentWhenLargeThenDownloadedWholeAsAFileNeverAsAPage() throws Exception {
        var person = agents.create().build();
        var size = 25 * 1024 * 1024;
        var bytes = new byte[size];
        new java.util.Random(42).nextBytes(bytes);
        var encoded = java.util.Base64.getMimeEncoder().encodeToString(bytes);
        dovecot.deliver(mailbox(person), """
                From: Service RH <rh@ville.example>
                To: %s
                Subject: Le dossier complet
                Date: Mon, 30 Nov 2026 09:00:00 +0100
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="b1"

                --b1
                Content-Type: text/plain; charset=utf-8

                Voici le dossier.
                --b1
                Content-Type: application/pdf; name="dossier.pdf"
                Content-Disposition: attachment; filename="dossier.pdf"
                Content-Transfer-Encoding: base64

                %s
                --b1
                Content-Type: text/html; name="page.html"
                Content-Disposition: attachment; filename="page.html"

                <script>alert(document.cookie)</script>
                --b1--
                """.formatted(person.email(), encoded), false);
        var browser = signedIn(person);
        var list = browser.get("/api/v1/mail/folders/INBOX/messages", "application/json")
                .body();
        var id = list.replaceAll("(?s).*\"id\":\"([^\"]+)\".*", "$1");
        var read =
                browser.get("/api/v1/mail/messages/" + id, "application/json").body();
        assertThat(read).contains("{\"part\":\"2\",\"name\":\"dossier.pdf\",\"type\":\"application/pdf\"");

        var download = browser.download("/mail/messages/" + id + "/attachments/2");

        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(download.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(
                        value -> assertThat(value).startsWith("attachment").contains("dossier.pdf"));
        var digest = java.security.MessageDigest.getInstance("SHA-256");
        long received;
        try (var in = new java.security.DigestInputStream(download.body(), digest)) {
            received = in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        assertThat(received).isEqualTo(size);
        assertThat(digest.digest())
                .isEqualTo(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));

        // an HTML attachment is a file to save, never a page of the portal
        var page = browser.download("/mail/messages/" + id + "/attachments/3");
        assertThat(page.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
        assertThat(page.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(value -> assertThat(value).startsWith("attachment"));
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        page.body().close();
        // a part that is not there
        assertThat(browser.download("/mail/messages/" + id + "/attachments/9").statusCode())
                .isEqualTo(404);
        assertThat(browser.download("/mail/messages/" + id + "/attachments/..%2F1")
                        .statusCode())
                .isIn(400, 404);
    }

    @Test
    void messageWhenMarkedMovedAndDeletedThenTheMailboxSaysSo() throws Exception {
        var person = agents.create().build();
        dovecot.deliver(mailbox(person), message(person.email(), "Note a classer"), true);
        dovecot.deliver(mailbox(person), message(person.email(), "Publicite a jeter"), true);
        var browser = signedIn(person);
        var list = browser.get("/api/v1/mail/folders/INBOX/messages", "application/json")
                .body();
        var ids = java.util.regex.Pattern.compile("\"id\":\"([^\"]+)\"")
                .matcher(list)
                .results()
                .map(match -> match.group(1))
                .toList();
        var toThrow = ids.get(0);
        var toFile = ids.get(1);
        var json = Map.of(
                "Content-Type", "application/json", "Accept", "application/json", "X-CSRF-TOKEN", browser.csrfToken());

        var marked =
                browser.send("PATCH", "/api/v1/mail/messages/" + toFile, json, "{\"seen\":false,\"flagged\":true}");
        assertThat(marked.statusCode()).as(marked.body()).isEqualTo(204);
        assertThat(browser.get("/api/v1/mail/folders/INBOX/messages", "application/json")
                        .body())
                .contains("\"subject\":\"Note a classer\",\"date\"")
                .containsPattern("\"subject\":\"Note a classer\",\"date\":\"[^\"]+\",\"seen\":false,\"flagged\":true");

        var deleted = browser.send("DELETE", "/api/v1/mail/messages/" + toThrow, json, "");
        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(browser.get("/api/v1/mail/folders", "application/json").body())
                .contains(
                        "{\"name\":\"INBOX\",\"unread\":1,\"total\":1}",
                        "{\"name\":\"Trash\",\"unread\":0,\"total\":1}");

        // to a folder that is not there: refused, the message stays
        var nowhere =
                browser.send("POST", "/api/v1/mail/messages/" + toFile + "/move", json, "{\"folder\":\"Nulle part\"}");
        assertThat(nowhere.statusCode()).isEqualTo(404);
        assertThat(nowhere.body()).contains("\"errorCode\":\"FOLDER_NOT_FOUND\"");
        // the one in the Trash, deleted again: gone for good
        var inTrash = browser.get("/api/v1/mail/folders/Trash/messages", "application/json")
                .body()
                .replaceAll("(?s).*\"id\":\"([^\"]+)\".*", "$1");
        assertThat(browser.send("DELETE", "/api/v1/mail/messages/" + inTrash, json, "")
                        .statusCode())
                .isEqualTo(204);
        assertThat(browser.get("/api/v1/mail/folders", "application/json").body())
                .contains("{\"name\":\"Trash\",\"unread\":0,\"total\":0}");
    }

    private static String firstId(String list) {
        return list.replaceAll("(?s)^.*?\"id\":\"([^\"]+)\".*", "$1");
    }

    private static Map<String, String> jsonHeaders(HttpAgent browser) {
        return Map.of(
                "Content-Type", "application/json", "Accept", "application/json", "X-CSRF-TOKEN", browser.csrfToken());
    }

    private static byte[] sha256(java.io.InputStream in) throws Exception {
        var digest = java.security.MessageDigest.getInstance("SHA-256");
        try (var digesting = new java.security.DigestInputStream(in, digest)) {
            digesting.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return digest.digest();
    }

    @Test
    void attachmentWhen25MegabytesThenSentFromTheAppAndDownloadedWholeFromSent() throws Exception {
        var person = agents.create().build();
        var browser = signedIn(person);
        var file = java.nio.file.Files.createTempFile("guichet-attachment", ".pdf");
        try {
            var random = new java.util.Random(7);
            var chunk = new byte[1024 * 1024];
            try (var out = java.nio.file.Files.newOutputStream(file)) {
                for (int i = 0; i < 25; i++) {
                    random.nextBytes(chunk);
                    out.write(chunk);
                }
            }
            byte[] expected;
            try (var in = java.nio.file.Files.newInputStream(file)) {
                expected = sha256(in);
            }
            var before = MAIL.relayed().length;

            var sent = browser.postMultipart(
                    "/api/v1/mail/messages",
                    Map.of("Accept", "application/json", "X-CSRF-TOKEN", browser.csrfToken()),
                    java.util.List.of(
                            HttpAgent.Part.field(
                                    "message",
                                    "application/json",
                                    json("collegue@ville.example", "Le dossier complet")),
                            HttpAgent.Part.file("files", "dossier complet.pdf", "application/pdf", file)));

            assertThat(sent.statusCode()).as(sent.body() + dovecot.log()).isEqualTo(201);
            var received = MAIL.relayed();
            assertThat(received).hasSize(before + 1);
            var parts =
                    (jakarta.mail.Multipart) MAIL.relayed("Le dossier complet").getContent();
            assertThat(parts.getCount()).isEqualTo(2);
            assertThat(parts.getBodyPart(1).getFileName()).isEqualTo("dossier complet.pdf");
            assertThat(sha256(parts.getBodyPart(1).getInputStream())).isEqualTo(expected);
            // the copy in Sent, downloaded as it comes from the mail server
            var inSent = firstId(browser.get("/api/v1/mail/folders/Sent/messages", "application/json")
                    .body());
            var download = browser.download("/mail/messages/" + inSent + "/attachments/2");
            assertThat(download.statusCode()).isEqualTo(200);
            assertThat(sha256(download.body())).isEqualTo(expected);
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }

    @Test
    void attachmentsWhenHeavierThanTheLimitThenRefused413AndNothingSent() throws Exception {
        var person = agents.create().build();
        var browser = signedIn(person);
        var file = java.nio.file.Files.createTempFile("guichet-attachment", ".bin");
        try {
            try (var channel = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.WRITE)) {
                channel.write(java.nio.ByteBuffer.wrap(new byte[] {1}), 31L * 1024 * 1024);
            }
            var before = MAIL.relayed().length;

            var refused = browser.postMultipart(
                    "/api/v1/mail/messages",
                    Map.of("Accept", "application/json", "X-CSRF-TOKEN", browser.csrfToken()),
                    java.util.List.of(
                            HttpAgent.Part.field(
                                    "message", "application/json", json("collegue@ville.example", "Trop lourd")),
                            HttpAgent.Part.file("files", "archives.zip", "application/zip", file)));

            assertThat(refused.statusCode()).isEqualTo(413);
            assertThat(refused.body()).contains("\"errorCode\":\"ATTACHMENTS_TOO_LARGE\"", "30 Mo");
            assertThat(MAIL.relayed()).hasSize(before);
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }

    @Test
    void payslipWhenAttachedForAColleagueThenSentMarkedAndForOutsideRefusedEvenForwarded() throws Exception {
        var camille = agents.create().build();
        org.guichet.testing.TestPayslips.publish(jdbc, camille);
        var browser = signedIn(camille);
        var offered = browser.get("/api/v1/mail/documents", "application/json");
        assertThat(offered.statusCode()).isEqualTo(200);
        var payslip = offered.body().replaceAll("(?s)^.*?\"reference\":\"(payslip:[^\"]+)\".*", "$1");
        assertThat(payslip).startsWith("payslip:");
        var before = MAIL.relayed().length;

        var toColleague = send(
                browser,
                "{\"to\":[\"rh@ville.example\"],\"subject\":\"Mon bulletin\",\"text\":\"Ci-joint.\","
                        + "\"attachments\":[{\"document\":\"" + payslip + "\"}]}");
        var toOutside = send(
                browser,
                "{\"to\":[\"camille@gmail.com\"],\"subject\":\"Mon bulletin\",\"text\":\"Ci-joint.\","
                        + "\"attachments\":[{\"document\":\"" + payslip + "\"}]}");
        var someoneElses = send(
                browser,
                "{\"to\":[\"rh@ville.example\"],\"subject\":\"x\",\"text\":\"y\","
                        + "\"attachments\":[{\"document\":\"payslip:" + java.util.UUID.randomUUID() + "\"}]}");

        assertThat(toColleague.statusCode())
                .as(toColleague.body() + dovecot.log())
                .isEqualTo(201);
        var received = MAIL.relayed();
        assertThat(received).hasSize(before + 1);
        var part = ((jakarta.mail.Multipart) MAIL.relayed("Mon bulletin").getContent()).getBodyPart(1);
        assertThat(part.getFileName()).startsWith("bulletin-de-paie-").endsWith(".pdf");
        assertThat(part.getHeader(GuichetDocuments.HEADER)).containsExactly(payslip);
        assertThat(toOutside.statusCode()).isEqualTo(422);
        assertThat(toOutside.body()).contains("\"errorCode\":\"DOCUMENT_OUTSIDE\"", "bulletins de paie");
        assertThat(someoneElses.statusCode()).isEqualTo(404);
        assertThat(MAIL.relayed()).hasSize(before + 1);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(
                                jdbc.sql("SELECT details FROM journal_entry WHERE type = 'MailRefused' AND subject = ?")
                                        .param(camille.soi())
                                        .query(String.class)
                                        .list())
                        .anySatisfy(details ->
                                assertThat(details).contains("DOCUMENT_OUTSIDE").doesNotContain("gmail", "bulletin")));
    }

    @Test
    void forwardAndDraftWhenAMessageHasAnAttachmentThenItGoesAlongAndTheDraftIsReplaced() throws Exception {
        var person = agents.create().build();
        dovecot.deliver(mailbox(person), """
                From: Service RH <rh@ville.example>
                To: %s
                Subject: Planning de decembre
                Date: Mon, 30 Nov 2026 09:00:00 +0100
                Message-ID: <planning-%s@ville.example>
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="b1"

                --b1
                Content-Type: text/plain; charset=utf-8

                Le planning est joint.
                --b1
                Content-Type: text/csv; name="planning.csv"
                Content-Disposition: attachment; filename="planning.csv"

                jour;equipe
                lundi;A
                --b1--
                """.formatted(person.email(), java.util.UUID.randomUUID()), false);
        var browser = signedIn(person);
        var original = firstId(browser.get("/api/v1/mail/folders/INBOX/messages", "application/json")
                .body());
        var headers = jsonHeaders(browser);

        // a draft of the forward, kept with the attachment; then sent, the draft gone
        var draft = browser.post(
                "/api/v1/mail/drafts",
                headers,
                "{\"to\":[\"chef@ville.example\"],\"subject\":\"Fwd: Planning de decembre\",\"text\":\"Pour info.\","
                        + "\"attachmentsOf\":\"" + original + "\"}");
        assertThat(draft.statusCode()).as(draft.body() + dovecot.log()).isEqualTo(201);
        var draftId = draft.body().replaceAll("(?s)^.*\"id\":\"([^\"]+)\".*$", "$1");
        assertThat(browser.get("/api/v1/mail/folders", "application/json").body())
                .contains("{\"name\":\"Drafts\",\"unread\":0,\"total\":1}");
        var inDrafts = browser.get("/api/v1/mail/messages/" + draftId, "application/json")
                .body();
        assertThat(inDrafts).contains("\"name\":\"planning.csv\"", "\"draft\":true", "Pour info.");
        var page = browser.get("/mail/compose?draft=" + draftId, "text/html").body();
        assertThat(page).contains("chef@ville.example", "planning.csv", "Pour info.");
        var before = MAIL.relayed().length;

        var sent = send(
                browser,
                "{\"to\":[\"chef@ville.example\"],\"subject\":\"Fwd: Planning de decembre\",\"text\":\"Pour info.\","
                        + "\"attachmentsOf\":\"" + draftId + "\",\"draft\":\"" + draftId + "\"}");

        assertThat(sent.statusCode()).as(sent.body() + dovecot.log()).isEqualTo(201);
        var received = MAIL.relayed();
        assertThat(received).hasSize(before + 1);
        var parts = (jakarta.mail.Multipart)
                MAIL.relayed("Fwd: Planning de decembre").getContent();
        assertThat(parts.getBodyPart(1).getFileName()).isEqualTo("planning.csv");
        assertThat(new String(
                        parts.getBodyPart(1).getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("lundi;A");
        assertThat(browser.get("/api/v1/mail/folders", "application/json").body())
                .contains(
                        "{\"name\":\"Drafts\",\"unread\":0,\"total\":0}",
                        "{\"name\":\"Sent\",\"unread\":0,\"total\":1}");
        // the forward page quotes the original and lists its attachment
        var forward =
                browser.get("/mail/compose?forward=" + original, "text/html").body();
        assertThat(forward).contains("Fwd: Planning de decembre", "Le planning est joint.", "planning.csv");
    }

    @Test
    void replyAllWhenOpenedThenTheSenderAndEveryRecipientButTheAgent() throws Exception {
        var person = agents.create().build();
        dovecot.deliver(mailbox(person), """
                From: "Petit, Ines" <ines.petit@ville.example>
                To: %s, theo.moreau@ville.example
                Cc: Chef <chef@ville.example>
                Subject: Reunion
                Date: Mon, 30 Nov 2026 09:00:00 +0100
                Message-ID: <reunion-%s@ville.example>
                Content-Type: text/plain; charset=utf-8

                A mardi.
                """.formatted(person.email(), java.util.UUID.randomUUID()), false);
        var browser = signedIn(person);
        var id = firstId(browser.get("/api/v1/mail/folders/INBOX/messages", "application/json")
                .body());

        var page = browser.get("/mail/compose?replyAll=" + id, "text/html").body();

        assertThat(page)
                .contains("value=\"ines.petit@ville.example, theo.moreau@ville.example\"")
                .contains("id=\"cc\" name=\"cc\"")
                .contains("value=\"chef@ville.example\"")
                .contains("Re: Reunion")
                .doesNotContain("value=\"" + person.email());
    }

    @Test
    void mailServerWhenItRefusesEvenANewTokenThenOneSignInAgainPageAndSignOutWorks() throws Exception {
        var person = agents.create().build();
        var browser = signedIn(person);
        // Guichet's clock 20 minutes behind the mail server's: every token it gives has expired when the server checks
        // it, a new one as much as the one held
        clock.advance(Duration.ofMinutes(-20));

        var page = browser.get("/mail", "text/html");

        assertThat(page.statusCode()).as(dovecot.log()).isEqualTo(401);
        assertThat(page.body())
                .contains("Reconnectez-vous pour lire vos messages", "action=\"/logout\"")
                .doesNotContain("Exception", "Erreur");
        assertThat(tokensOf(person)).isEqualTo(1);
        clock.reset();
        var out = browser.submit("/mail", "/logout", Map.of());
        assertThat(out.statusCode()).isEqualTo(302);
        assertThat(out.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).contains("/login"));
        assertThat(browser.get("/mail", "text/html").statusCode()).isIn(302, 401);
    }
}
