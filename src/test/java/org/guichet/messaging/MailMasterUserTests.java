package org.guichet.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
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
 * The webmail for a mail server without OAuth: Guichet opens the agent's mailbox as Dovecot's master user, chosen in
 * configuration, and journals every use; no token is given.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "guichet.messaging.authentication=MASTER_USER",
            "guichet.messaging.master-user=guichet",
            "guichet.messaging.master-password=" + MailMasterUserTests.PASSWORD
        })
@ActiveProfiles({"test", "demo"})
@Import(Agents.class)
class MailMasterUserTests {

    static final String PASSWORD = "master-password-of-the-test";
    /** Dovecot, and the GreenMail its submission server relays to (the rest of the mail system, for the test to read). */
    private static final MailServer MAIL = new MailServer();

    private static Dovecot dovecot;

    @LocalServerPort
    int port;

    @Autowired
    Agents agents;

    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry properties) {
        MAIL.properties(properties);
    }

    @BeforeEach
    void startDovecot() throws Exception {
        // the oauth2 passdb is there too, with a secret Guichet does not know: only the master user can sign in
        dovecot = MAIL.start(port, "none", "guichet", PASSWORD);
    }

    @AfterAll
    static void stop() throws Exception {
        MAIL.close();
    }

    private int journaled(Agents.TestAgent person) {
        return jdbc.sql("SELECT COUNT(*) FROM journal_entry WHERE type = 'MailOpenedAsMasterUser' AND subject = ?")
                .param(person.soi())
                .query(Integer.class)
                .single();
    }

    @Test
    void mailboxWhenOpenedAsTheMasterUserThenReadSentAsTheAgentAndEachUseJournaled() throws Exception {
        var person = agents.create().build();
        dovecot.deliver(
                MailServer.mailbox(person.email()), MailServer.message(person.email(), "Votre bulletin"), false);
        var browser = new HttpAgent(port, TestData.officeAddress());
        browser.signIn(person.login());

        var folders = browser.get("/api/v1/mail/folders", "application/json");
        var sent = browser.postJson(
                "/api/v1/mail/messages",
                "{\"to\":[\"collegue@ville.example\"],\"subject\":\"Par le maitre\",\"text\":\"Bonjour\"}");

        assertThat(folders.statusCode()).as(dovecot.log()).isEqualTo(200);
        assertThat(folders.body()).contains("{\"name\":\"INBOX\",\"unread\":1,\"total\":1}");
        assertThat(sent.statusCode()).as(sent.body() + dovecot.log()).isEqualTo(201);
        assertThat(MAIL.relayed()).anySatisfy(message -> {
            assertThat(message.getSubject()).isEqualTo("Par le maitre");
            assertThat(message.getFrom()[0].toString()).isEqualTo(person.email());
        });
        assertThat(dovecot.log()).contains("user=<" + person.email() + ">", "master");
        // each use in the journal, with the master user's name; no token given
        await().atMost(Duration.ofSeconds(10)).until(() -> journaled(person) >= 2);
        assertThat(jdbc.sql("SELECT details FROM journal_entry WHERE type = 'MailOpenedAsMasterUser' AND subject = ?")
                        .param(person.soi())
                        .query(String.class)
                        .list())
                .allSatisfy(details -> assertThat(details).contains("guichet"));
        assertThat(jdbc.sql("""
                        SELECT COUNT(*) FROM oauth2_authorization a JOIN oauth2_registered_client c
                        ON c.id = a.registered_client_id WHERE c.client_id = 'mail-server' AND a.principal_name = ?""").param(person.soi()).query(Integer.class).single())
                .isZero();
    }
}
