package org.guichet.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The demo outbox, read as the agent would read their messages. */
public final class Outbox {

    private final JdbcClient jdbc;

    public Outbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Messages to this recipient, newest first: subject and body. */
    public List<String> to(String recipient) {
        return jdbc.sql("SELECT subject || ' | ' || body FROM dev_outbox WHERE recipient = ? ORDER BY id DESC")
                .param(recipient)
                .query(String.class)
                .list();
    }

    /** Waits for the next message to this recipient (beyond the {@code known} ones) and returns it. */
    public String awaitMessage(String recipient, int known) {
        await().atMost(Duration.ofSeconds(10)).until(() -> to(recipient).size() > known);
        return to(recipient).getFirst();
    }

    /** The 8-digit code of the newest message to this recipient, once it arrives. */
    public String awaitCode(String recipient, int known) {
        return awaitCode(recipient, known, 8);
    }

    /** The code of so many digits in the newest message to this recipient, once it arrives. */
    public String awaitCode(String recipient, int known, int digits) {
        var matcher = Pattern.compile("\\b(\\d{" + digits + "})\\b").matcher(awaitMessage(recipient, known));
        assertThat(matcher.find()).as("the message carries a code").isTrue();
        return matcher.group(1);
    }
}
