package org.guichet.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.regex.Pattern;
import org.guichet.testing.MessageBundles;
import org.junit.jupiter.api.Test;

/**
 * French typography in every French message: a narrow no-break space (U+202F) before « ; : ? ! » and inside
 * guillemets, so that the sign never starts a line on a phone. Text messages keep plain spaces: the GSM alphabet of
 * an SMS has no such space, and one would halve the length of a message.
 */
class FrenchTypographyTests {

    private static final Pattern PLAIN_SPACE_BEFORE = Pattern.compile(" [:;?!»]|« ");

    private static boolean sms(String key) {
        return key.endsWith(".sms") || key.startsWith("identity.sms.");
    }

    @Test
    void frenchMessagesWhenReadThenANarrowNoBreakSpaceBeforeHighPunctuation() throws IOException {
        var messages = MessageBundles.all("");
        var wrong = new ArrayList<String>();
        var narrow = 0;
        for (var key : messages.stringPropertyNames()) {
            var text = messages.getProperty(key);
            if (sms(key)) {
                assertThat(text).as(key).doesNotContain("\u202f", "\u00a0");
                continue;
            }
            if (PLAIN_SPACE_BEFORE.matcher(text).find()) {
                wrong.add(key + "=" + text);
            }
            narrow += text.contains("\u202f") ? 1 : 0;
        }
        assertThat(wrong).isEmpty();
        assertThat(narrow).as("messages with a narrow no-break space").isGreaterThan(100);
    }
}
