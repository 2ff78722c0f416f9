package org.guichet.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import org.guichet.testing.Agents;
import org.guichet.testing.FreePorts;
import org.guichet.testing.HttpAgent;
import org.guichet.testing.TestData;
import org.guichet.testing.TestPayslips;
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
 * The charter where it only warns ({@code guichet.messaging.outside-recipients=WARN}): a message outside goes once the
 * agent confirms, knowing the rule; a Guichet document never goes outside, attached or forwarded. Against the embedded
 * mail server (GreenMail), which the fast tests use.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "guichet.messaging.demo-server=true",
            "guichet.messaging.resource-server-secret=mail-server-warn-test-secret",
            "guichet.messaging.outside-recipients=WARN"
        })
@ActiveProfiles({"test", "demo"})
@Import(Agents.class)
class MailCharterWarnTests {

    private static final int IMAP = FreePorts.next();
    private static final int SMTP = FreePorts.next();

    @LocalServerPort
    int port;

    @Autowired
    Agents agents;

    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void ports(DynamicPropertyRegistry properties) {
        properties.add("guichet.messaging.imap-port", () -> IMAP);
        properties.add("guichet.messaging.smtp-port", () -> SMTP);
    }

    private static java.net.http.HttpResponse<String> send(HttpAgent browser, String json) {
        return browser.postJson("/api/v1/mail/messages", json);
    }

    private int journaled(String type, Agents.TestAgent person) {
        return jdbc.sql("SELECT COUNT(*) FROM journal_entry WHERE type = ? AND subject = ?")
                .params(type, person.soi())
                .query(Integer.class)
                .single();
    }

    @Test
    void outsideWhenTheCharterWarnsThenSentOnceConfirmedButNeverWithAGuichetDocument() throws Exception {
        var person = agents.create().build();
        TestPayslips.publish(jdbc, person);
        var browser = new HttpAgent(port, TestData.officeAddress());
        browser.signIn(person.login());
        var payslip = browser.get("/api/v1/mail/documents", "application/json")
                .body()
                .replaceAll("(?s)^.*?\"reference\":\"(payslip:[^\"]+)\".*", "$1");

        var unconfirmed = send(browser, "{\"to\":[\"ami@gmail.com\"],\"subject\":\"Sortie\",\"text\":\"Bonjour\"}");
        var page = browser.submit(
                "/mail/compose", "/mail/compose", Map.of("to", "ami@gmail.com", "subject", "Sortie", "text", "x"));
        var confirmed = send(
                browser,
                "{\"to\":[\"ami@gmail.com\"],\"subject\":\"Sortie\",\"text\":\"Bonjour\",\"outsideConfirmed\":true}");
        var withPayslip = send(
                browser,
                "{\"to\":[\"ami@gmail.com\"],\"subject\":\"Bulletin\",\"text\":\"x\",\"outsideConfirmed\":true,"
                        + "\"attachments\":[{\"document\":\"" + payslip + "\"}]}");

        assertThat(unconfirmed.statusCode()).isEqualTo(422);
        assertThat(unconfirmed.body()).contains("\"errorCode\":\"OUTSIDE_RECIPIENT\"", "charte informatique");
        assertThat(page.statusCode()).isEqualTo(422);
        assertThat(page.body()).contains("id=\"outsideConfirmed\"", "j’envoie quand même");
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(201);
        assertThat(withPayslip.statusCode()).isEqualTo(422);
        assertThat(withPayslip.body()).contains("\"errorCode\":\"DOCUMENT_OUTSIDE\"");

        // the payslip sent to oneself inside, then forwarded outside: refused the same way
        assertThat(send(
                                browser,
                                "{\"to\":[\"" + person.email() + "\"],\"subject\":\"Mon bulletin\",\"text\":\"x\","
                                        + "\"attachments\":[{\"document\":\"" + payslip + "\"}]}")
                        .statusCode())
                .isEqualTo(201);
        var received = browser.get("/api/v1/mail/folders/INBOX/messages?size=1", "application/json")
                .body()
                .replaceAll("(?s)^.*?\"id\":\"([^\"]+)\".*", "$1");
        var forwarded = send(
                browser,
                "{\"to\":[\"ami@gmail.com\"],\"subject\":\"Fwd: Mon bulletin\",\"text\":\"x\","
                        + "\"outsideConfirmed\":true,\"attachmentsOf\":\"" + received + "\"}");
        assertThat(forwarded.statusCode()).as(forwarded.body()).isEqualTo(422);
        assertThat(forwarded.body()).contains("\"errorCode\":\"DOCUMENT_OUTSIDE\"");
        await().atMost(Duration.ofSeconds(10)).until(() -> journaled("MailRefused", person) == 4);
        assertThat(jdbc.sql("SELECT details FROM journal_entry WHERE type = 'MailSent' AND subject = ?")
                        .param(person.soi())
                        .query(String.class)
                        .list())
                .anySatisfy(details -> assertThat(details).contains("\"outside\":1"));
    }
}
