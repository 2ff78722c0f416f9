package org.guichet.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import org.guichet.testing.MutableClock;
import org.guichet.testing.Nginx;
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
    private static final int IMAP = Nginx.freePort();

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
        properties.add("guichet.messaging.imap-port", () -> IMAP);
    }

    /** Dovecot starts once Guichet listens: it checks tokens at Guichet's introspection endpoint. */
    @BeforeEach
    void startDovecot() throws Exception {
        if (dovecot == null) {
            dovecot = Dovecot.start(IMAP, "http://mail-server:" + SECRET + "@127.0.0.1:" + port + "/oauth2/introspect");
        }
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @AfterAll
    static void stop() throws Exception {
        if (dovecot != null) {
            dovecot.close();
        }
    }

    private static String message(String to, String subject) {
        return """
                From: Service RH <rh@ville.example>
                To: %s
                Subject: %s
                Date: Mon, 30 Nov 2026 09:00:00 +0100
                Message-ID: <%s@ville.example>
                Content-Type: text/plain; charset=utf-8

                Bonjour,
                """.formatted(to, subject, java.util.UUID.randomUUID());
    }

    private static String mailbox(Agents.TestAgent person) {
        return person.email().substring(0, person.email().indexOf('@'));
    }

    /** Signs in to the mail server as Guichet does, with the token as the only credential. */
    private static void imapLogin(String username, String token) throws Exception {
        var properties = new Properties();
        properties.put("mail.imap.auth.mechanisms", "XOAUTH2");
        properties.put("mail.imap.connectiontimeout", "5000");
        properties.put("mail.imap.timeout", "5000");
        try (var store = Session.getInstance(properties).getStore("imap")) {
            store.connect("127.0.0.1", IMAP, username, token);
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
        assertThatThrownBy(() -> imapLogin(person.email(), token)).isInstanceOf(AuthenticationFailedException.class);
        assertThat(browser.get("/api/v1/mail/folders", "application/json").statusCode())
                .isEqualTo(401);
    }

    @Test
    void tokenWhenRevokedWhileHeldThenTheMailboxAsksToSignInAgainAndTheNextTryGetsANewToken() throws Exception {
        var person = agents.create().build();
        var browser = signedIn(person);
        assertThat(browser.get("/api/v1/mail/folders", "application/json").statusCode())
                .isEqualTo(200);
        tokens.revoke(lastToken(person));

        var refused = browser.get("/api/v1/mail/folders", "application/json");

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).contains("\"errorCode\":\"SIGN_IN_AGAIN\"");
        // the revoked token is forgotten: the next try asks for a new one, and the mailbox opens
        assertThat(browser.get("/api/v1/mail/folders", "application/json").statusCode())
                .isEqualTo(200);
        assertThat(tokensOf(person)).isEqualTo(2);
        // signing out still works
        assertThat(browser.submit("/", "/logout", Map.of()).statusCode()).isEqualTo(302);
    }
}
