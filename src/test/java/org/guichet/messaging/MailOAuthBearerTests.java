package org.guichet.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import org.guichet.testing.Agents;
import org.guichet.testing.Dovecot;
import org.guichet.testing.HttpAgent;
import org.guichet.testing.MailServer;
import org.guichet.testing.TestData;
import org.junit.jupiter.api.AfterAll;
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
 * The webmail signed in with the standard SASL mechanism, {@code OAUTHBEARER} (RFC 7628), to a real Dovecot: the same
 * mailbox, the same token checked at Guichet's introspection endpoint, for reading (IMAP) and sending (submission).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "guichet.messaging.resource-server-secret=" + MailOAuthBearerTests.SECRET,
            "guichet.messaging.authentication=OAUTHBEARER"
        })
@ActiveProfiles({"test", "demo"})
@Import(Agents.class)
class MailOAuthBearerTests {

    static final String SECRET = "mail-server-oauthbearer-secret";
    /** Dovecot, and the GreenMail its submission server relays to (the rest of the mail system, for the test to read). */
    private static final MailServer MAIL = new MailServer();

    private static Dovecot dovecot;

    @LocalServerPort
    int port;

    @Autowired
    Agents agents;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.guichet.sso.AgentTokens tokens;

    @Autowired
    MessagingSettings settings;

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry properties) {
        MAIL.properties(properties);
    }

    @BeforeEach
    void startDovecot() throws Exception {
        dovecot = MAIL.start(port, SECRET);
    }

    @AfterAll
    static void stop() throws Exception {
        MAIL.close();
    }

    @Test
    void mailboxWhenSignedInWithOAuthBearerThenReadAndSentAndARevokedTokenRefused() throws Exception {
        var person = agents.create().build();
        dovecot.deliver(
                MailServer.mailbox(person.email()), MailServer.message(person.email(), "Votre bulletin"), false);
        var browser = new HttpAgent(port, TestData.officeAddress());
        browser.signIn(person.login());

        var folders = browser.get("/api/v1/mail/folders", "application/json");
        var sent = browser.postJson(
                "/api/v1/mail/messages",
                "{\"to\":[\"collegue@ville.example\"],\"subject\":\"Par OAUTHBEARER\",\"text\":\"Bonjour\"}");

        assertThat(folders.statusCode()).as(dovecot.log()).isEqualTo(200);
        assertThat(folders.body()).contains("{\"name\":\"INBOX\",\"unread\":1,\"total\":1}");
        assertThat(sent.statusCode()).as(sent.body() + dovecot.log()).isEqualTo(201);
        assertThat(MAIL.relayed())
                .anySatisfy(message -> assertThat(message.getSubject()).isEqualTo("Par OAUTHBEARER"));
        assertThat(dovecot.log())
                .contains("method=OAUTHBEARER")
                .doesNotContain("method=XOAUTH2", "method=PLAIN", "method=LOGIN");
        // a revoked token: the server's refusal (a JSON challenge) answered as RFC 7628 asks, a plain refusal, at once
        var token = new String(
                jdbc.sql("""
                                SELECT a.access_token_value FROM oauth2_authorization a JOIN oauth2_registered_client c
                                ON c.id = a.registered_client_id WHERE c.client_id = 'mail-server' AND a.principal_name = ?""")
                        .param(person.soi())
                        .query((rs, row) -> rs.getBytes(1))
                        .list()
                        .getFirst(),
                java.nio.charset.StandardCharsets.UTF_8);
        tokens.revoke(token);
        var properties = MailLogin.properties(settings, "imap", MessagingSettings.Security.NONE);
        try (var store = jakarta.mail.Session.getInstance(properties).getStore("imap")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(
                            () -> store.connect("127.0.0.1", MAIL.imapPort(), person.email(), token))
                    .isInstanceOf(jakarta.mail.AuthenticationFailedException.class);
        }
        assertThat(browser.get("/api/v1/mail/folders", "application/json").statusCode())
                .as(dovecot.log())
                .isEqualTo(200);
    }
}
