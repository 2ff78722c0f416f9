package org.guichet.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.guichet.testing.IntegrationTest;
import org.guichet.testing.MockBrowser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** In the demo, messages land in the outbox, readable without signing in. */
@IntegrationTest
class DevOutboxTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    MessageDelivery delivery;

    @Test
    void outboxWhenMessagesSentThenNewestFirstAsJsonAndAsAPage() throws Exception {
        delivery.send(OutgoingMessage.email("first@ville.example", "Premier", "Corps un"));
        await().atMost(Duration.ofSeconds(5)).until(() -> outbox().contains("first@ville.example"));
        delivery.send(OutgoingMessage.sms("+33639980001", "Code 12345678"));
        await().atMost(Duration.ofSeconds(5)).until(() -> outbox().contains("+33639980001"));

        var json = mvc.get().uri("/dev/outbox.json").exchange();
        assertThat(json).hasStatusOk();
        var sms = "$[?(@.to == '+33639980001')]";
        assertThat(json).bodyJson().extractingPath(sms + ".channel").asArray().containsExactly("SMS");
        assertThat(json).bodyJson().extractingPath(sms + ".body").asArray().containsExactly("Code 12345678");
        assertThat(json)
                .bodyJson()
                .extractingPath(sms + ".sentAt")
                .asArray()
                .singleElement()
                .asString()
                .matches("\\d{4}-\\d{2}-\\d{2}T.*Z");
        assertThat(json)
                .bodyJson()
                .extractingPath("$[?(@.to == 'first@ville.example')].subject")
                .asArray()
                .containsExactly("Premier");
        var text = json.getResponse().getContentAsString();
        assertThat(text.indexOf("+33639980001")).as("newest first").isLessThan(text.indexOf("first@ville.example"));

        var page = new MockBrowser(mvc).get("/dev/outbox");
        assertThat(page).hasStatusOk();
        assertThat(page).bodyText().contains("Boîte d’envoi de démonstration", "Code 12345678", "Premier");
    }

    private String outbox() throws Exception {
        return mvc.get().uri("/dev/outbox.json").exchange().getResponse().getContentAsString();
    }
}
