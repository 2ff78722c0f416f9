package org.guichet.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.guichet.directory.AgentId;
import org.guichet.directory.AgentProfile;
import org.guichet.directory.DirectoryManagement;
import org.guichet.identity.password.VerifiedMobiles;
import org.guichet.testing.Agents;
import org.guichet.testing.Demo;
import org.guichet.testing.MockBrowser;
import org.guichet.testing.SignIn;
import org.guichet.testing.TestClockConfiguration;
import org.guichet.testing.TestData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * Outside the demo, messages really leave: e-mails through SMTP (a real GreenMail server) and SMS through the HTTP
 * gateway (a real local HTTP server standing in for the provider).
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
class DeliveryTests {

    @Autowired
    Agents agents;

    private static final Pattern CODE = Pattern.compile("\\b(\\d{8})\\b");

    @RegisterExtension
    static GreenMailExtension smtp =
            new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(false);

    static final List<String> smsRequests = new CopyOnWriteArrayList<>();
    static final HttpServer smsProvider = smsProvider();

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    DirectoryManagement directory;

    @Autowired
    VerifiedMobiles mobiles;

    AgentProfile agent;

    private static HttpServer smsProvider() {
        try {
            var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/sms", exchange -> {
                smsRequests.add(exchange.getRequestHeaders().getFirst("Authorization") + " "
                        + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                exchange.sendResponseHeaders(202, -1);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void stopSmsProvider() {
        smsProvider.stop(0);
    }

    @DynamicPropertySource
    static void deliveryTargets(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
        registry.add(
                "guichet.delivery.sms.url",
                () -> "http://127.0.0.1:" + smsProvider.getAddress().getPort() + "/sms");
        registry.add("guichet.delivery.sms.token", () -> "provider-token");
    }

    @BeforeEach
    void freshAgentWithVerifiedMobile() {
        var block = agents.create()
                .named("Anne")
                .withMobile("06 39 98 77 66")
                .build()
                .block();
        agent = directory.findById(AgentId.of(block.soi(1))).orElseThrow();
        mobiles.verified(agent.id().soi(), agent.mobile());
    }

    private List<MimeMessage> mailsTo(String address) throws Exception {
        var mails = new java.util.ArrayList<MimeMessage>();
        for (var message : smtp.getReceivedMessages()) {
            if (message.getAllRecipients()[0].toString().equals(address)) {
                mails.add(message);
            }
        }
        return mails;
    }

    @Test
    void outboxWhenNotDemoThenAbsent() {
        assertThat(mvc.get().uri("/dev/outbox.json").exchange())
                .hasStatus(org.springframework.http.HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/dev/outbox").exchange()).hasStatus(org.springframework.http.HttpStatus.NOT_FOUND);
    }

    @Test
    void passwordChangedThenAgentEmailedThroughSmtp() throws Exception {
        var browser = new MockBrowser(mvc);
        browser.signIn(agent.login(), Demo.PASSWORD);

        browser.post(
                "/account/password",
                "current",
                Demo.PASSWORD,
                "password",
                "Le heron gris du canal",
                "confirmation",
                "Le heron gris du canal");

        await().atMost(Duration.ofSeconds(10))
                .until(() -> !mailsTo(agent.email()).isEmpty());
        var mail = mailsTo(agent.email()).getFirst();
        assertThat(mail.getSubject()).contains("Votre mot de passe a été changé", "Your password was changed");
        assertThat(mail.getFrom()[0].toString()).contains("ne-pas-repondre@ville.example");
        assertThat(GreenMailUtil.getBody(mail)).contains("Bonjour Anne", "Hello Anne");
    }

    @Test
    void identifierLockedThenAgentEmailedThroughSmtp() throws Exception {
        for (int i = 0; i < 5; i++) {
            SignIn.attempt(mvc, agent.login(), "wrong", SignIn.from(TestData.address()));
        }

        await().atMost(Duration.ofSeconds(10))
                .until(() -> !mailsTo(agent.email()).isEmpty());
        assertThat(mailsTo(agent.email()).getFirst().getSubject()).contains("Accès temporairement suspendu");
    }

    @Test
    void resetCodeBySmsThenPostedToTheProviderAndItWorks() {
        var sent = smsRequests.size();
        var browser = new MockBrowser(mvc);
        browser.post("/reset", "identifier", agent.login());
        browser.post("/reset/send", "channel", "SMS");

        await().atMost(Duration.ofSeconds(10)).until(() -> smsRequests.size() > sent);
        var request = smsRequests.getLast();
        assertThat(request)
                .startsWith("Bearer provider-token ")
                .contains("\"to\":\"+33639987766\"", "\"from\":\"GUICHET\"");
        var code = CODE.matcher(request);
        assertThat(code.find()).isTrue();
        assertThat(browser.post("/reset/code", "code", code.group(1))).hasRedirectedUrl("/reset/password");
    }

    @Test
    void resetCodeByEmailThenReceivedThroughSmtp() throws Exception {
        var browser = new MockBrowser(mvc);
        browser.post("/reset", "identifier", agent.email());
        browser.post("/reset/send", "channel", "EMAIL");

        await().atMost(Duration.ofSeconds(10))
                .until(() -> !mailsTo(agent.email()).isEmpty());
        var body = GreenMailUtil.getBody(mailsTo(agent.email()).getLast());
        var code = CODE.matcher(body);
        assertThat(code.find()).isTrue();
        assertThat(browser.post("/reset/code", "code", code.group(1))).hasRedirectedUrl("/reset/password");
    }
}
