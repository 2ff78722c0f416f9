package org.guichet.helpline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.guichet.testing.Agents;
import org.guichet.testing.FreePorts;
import org.guichet.testing.TestClockConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Threads that cannot fork, against a real mail server (GreenMail, SMTP and IMAP): the helpdesk's answer reaches the
 * agent's address on file with the conversation's reply address and references; the agent's reply, whichever of the
 * two their mail program kept, joins its conversation without what it quotes; a "merci" to a resolved conversation
 * joins it without reopening it; a reply from another address, or naming no conversation, is not added and its
 * sender is told why; an automatic reply is neither added nor answered; a reply fetched twice is added once.
 */
@SpringBootTest(
        properties = {
            "guichet.helpline.poll=PT1S",
            "guichet.helpline.imap-host=127.0.0.1",
            "guichet.helpline.imap-security=NONE",
            "guichet.helpline.imap-user=assistance@ville.example",
            "guichet.helpline.imap-password=assistance-secret",
            "guichet.public-url=https://guichet.ville.example"
        })
@ActiveProfiles("test")
@Import({TestClockConfiguration.class, Agents.class})
class HelplineMailTests {

    private static final int SMTP = FreePorts.next();
    private static final int IMAP = FreePorts.next();
    private static final String SUPPORT = "assistance@ville.example";

    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(new ServerSetup[] {
                new ServerSetup(SMTP, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(IMAP, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)
            })
            .withConfiguration(GreenMailConfiguration.aConfig().withUser(SUPPORT, SUPPORT, "assistance-secret"))
            .withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry properties) {
        properties.add("spring.mail.host", () -> "127.0.0.1");
        properties.add("spring.mail.port", () -> SMTP);
        properties.add("guichet.helpline.imap-port", () -> IMAP);
    }

    @Autowired
    Agents agents;

    @Autowired
    Conversations conversations;

    @Autowired
    JdbcClient jdbc;

    /** The messages GreenMail delivered to this address, oldest first. */
    private static List<MimeMessage> to(String address) {
        return Arrays.stream(mail.getReceivedMessages())
                .filter(message -> {
                    try {
                        return Arrays.stream(message.getAllRecipients())
                                .anyMatch(each ->
                                        ((InternetAddress) each).getAddress().equalsIgnoreCase(address));
                    } catch (jakarta.mail.MessagingException e) {
                        return false;
                    }
                })
                .toList();
    }

    private static MimeMessage awaitMessage(String address, int known) {
        await().atMost(Duration.ofSeconds(15)).until(() -> to(address).size() > known);
        return to(address).getLast();
    }

    /** Sends an e-mail as a mail program would, delivered to the support mailbox whatever its To says. */
    private static void reply(String from, String to, String text, String... headers) throws Exception {
        var properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", String.valueOf(SMTP));
        var message = new MimeMessage(Session.getInstance(properties)) {
            @Override
            protected void updateMessageID() throws jakarta.mail.MessagingException {
                if (getHeader("Message-ID") == null) {
                    super.updateMessageID(); // a mail program's own Message-ID is kept, as it is sent twice
                }
            }
        };
        message.setFrom(new InternetAddress(from));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject("Re: L’assistance vous a répondu", "UTF-8");
        message.setText(text, "UTF-8");
        for (var i = 0; i < headers.length; i += 2) {
            message.setHeader(headers[i], headers[i + 1]);
        }
        // a plus-addressing server (recipient_delimiter = +) delivers assistance+…@ to the support mailbox
        Transport.send(message, new Address[] {new InternetAddress(SUPPORT)});
    }

    private List<String> thread(ConversationId id) {
        return conversations.forHelpdesk(id).messages().stream()
                .map(message -> message.via() + "|" + message.body())
                .toList();
    }

    private int supportInbox() throws Exception {
        var store = Session.getInstance(new Properties()).getStore("imap");
        store.connect("127.0.0.1", IMAP, SUPPORT, "assistance-secret");
        try (store) {
            var inbox = store.getFolder("INBOX");
            inbox.open(jakarta.mail.Folder.READ_ONLY);
            try {
                return inbox.getMessageCount();
            } finally {
                inbox.close(false);
            }
        }
    }

    @Test
    void replyWhenByMailThenItJoinsItsThreadAndAMerciToAResolvedOneDoesNotReopenIt() throws Exception {
        var person = agents.create().build();
        var helpdesk = agents.create().withRoles("SUPPORT").build();
        var id = conversations.open(
                person.id(),
                "Le VPN refuse ma connexion depuis ce matin.",
                new Conversations.Context(null, "NOMADIC", "/help", "Firefox"));
        var token = conversations.replyToken(id);

        conversations.answer(helpdesk.id(), id, "Réinstallez le profil VPN, puis réessayez.");
        var answer = awaitMessage(person.email(), 0);
        assertThat(answer.getSubject()).contains("L’assistance vous a répondu");
        assertThat(((InternetAddress) answer.getReplyTo()[0]).getAddress())
                .isEqualTo("assistance+" + token + "@ville.example");
        assertThat(answer.getMessageID()).startsWith("<helpline." + id + ".");
        assertThat(answer.getHeader("References")[0]).isEqualTo("<helpline." + id + "@ville.example>");
        assertThat(answer.getHeader("In-Reply-To")[0]).isEqualTo("<helpline." + id + "@ville.example>");
        assertThat(String.valueOf(answer.getContent()))
                .contains("Réinstallez le profil VPN", "https://guichet.ville.example/help/conversations/" + id)
                .contains("répondez simplement à cet e-mail");

        // a reply to the reply address (its mail program dropped the references), quoting the answer
        reply(
                person.email(),
                "assistance+" + token + "@ville.example",
                "C’est réglé pour le VPN, merci.\n\nLe 06/12/2026 à 09:00, Guichet a écrit :\n> ##- Répondez au-dessus"
                        + " de cette ligne -##\n> Réinstallez le profil VPN",
                "Message-ID",
                "<reply-1." + id + "@poste.ville.example>");
        await().atMost(Duration.ofSeconds(15))
                .until(() -> thread(id).contains("EMAIL|C’est réglé pour le VPN, merci."));
        assertThat(conversations.forHelpdesk(id).state()).isEqualTo(Conversation.State.OPEN);

        // resolved: told so; a "merci" that only names the e-mail it answers joins the thread, resolved it stays
        conversations.resolve(helpdesk.id(), id);
        var resolved = awaitMessage(person.email(), 1);
        assertThat(resolved.getSubject()).contains("résolue");
        reply(
                person.email(),
                SUPPORT,
                "Merci beaucoup !\n\n-----Original Message-----\nFrom: Guichet",
                "In-Reply-To",
                resolved.getMessageID(),
                "Message-ID",
                "<reply-2." + id + "@poste.ville.example>");
        await().atMost(Duration.ofSeconds(15)).until(() -> thread(id).contains("EMAIL|Merci beaucoup !"));
        assertThat(conversations.forHelpdesk(id).state()).isEqualTo(Conversation.State.RESOLVED);

        // the same reply fetched again (a second delivery) is added once
        reply(
                person.email(),
                SUPPORT,
                "Merci beaucoup !",
                "In-Reply-To",
                resolved.getMessageID(),
                "Message-ID",
                "<reply-2." + id + "@poste.ville.example>");
        await().atMost(Duration.ofSeconds(15)).until(() -> supportInbox() == 0);
        assertThat(thread(id).stream().filter(line -> line.equals("EMAIL|Merci beaucoup !")))
                .hasSize(1);
    }

    @Test
    void replyWhenFromAnotherAddressOrNamingNoConversationThenNotAddedAndTheSenderToldWhy() throws Exception {
        var person = agents.create().build();
        var id = conversations.open(
                person.id(), "Mon bulletin ne s’ouvre pas.", new Conversations.Context(null, "INTERNAL", null, null));
        var token = conversations.replyToken(id);
        var stranger = "quelqu.un." + token + "@ailleurs.example";

        // from another address than the agent's on file: not added, the sender told
        reply(stranger, "assistance+" + token + "@ville.example", "Je réponds à sa place.");
        var told = awaitMessage(stranger, 0);
        assertThat(told.getSubject()).contains("n’a pas pu être transmis");
        assertThat(String.valueOf(told.getContent())).contains("une autre adresse que celle enregistrée");

        // naming no conversation: the agent is told how to write to IT support
        reply(person.email(), SUPPORT, "Bonjour, j’ai une question.");
        var noConversation = awaitMessage(person.email(), 0);
        assertThat(String.valueOf(noConversation.getContent())).contains("ne répond à aucune demande");

        // an out-of-office reply: neither added nor answered
        reply(
                person.email(),
                "assistance+" + token + "@ville.example",
                "Je suis absent jusqu’au 15.",
                "Auto-Submitted",
                "auto-replied");
        await().atMost(Duration.ofSeconds(15)).until(() -> supportInbox() == 0);
        assertThat(thread(id)).containsExactly("PORTAL|Mon bulletin ne s’ouvre pas.");
        assertThat(to(person.email()))
                .as(() -> to(person.email()).stream()
                        .map(message -> {
                            try {
                                return message.getSubject() + " " + message.getContent();
                            } catch (Exception e) {
                                return e.toString();
                            }
                        })
                        .toList()
                        .toString())
                .hasSize(1);
        assertThat(to(stranger)).hasSize(1);
    }
}
