package org.guichet.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.guichet.testing.MessageBundles;
import org.junit.jupiter.api.Test;

/**
 * Every notification has its subject and body in French and in English, and a link to a page of the portal; only
 * the approval request may be digested, and security notifications cannot be turned off.
 */
class MailTests {

    @Test
    void mailWhenSentThenItsTextsExistInBothLanguages() throws IOException {
        var french = MessageBundles.byModule("").get("notification");
        var english = MessageBundles.byModule("_en").get("notification");
        for (var mail : Mail.values()) {
            for (var part : new String[] {".subject", ".body"}) {
                assertThat(french).as("French %s%s", mail.key(), part).containsKey(mail.key() + part);
                assertThat(english).as("English %s%s", mail.key(), part).containsKey(mail.key() + part);
            }
            assertThat(mail.link()).as(mail.name()).startsWith("/").doesNotContain("..");
        }
    }

    @Test
    void mailWhenAboutAnAgentsAccountThenSecurityAndAlwaysSent() {
        assertThat(Mail.PASSWORD_CHANGED.category()).isEqualTo(Category.SECURITY);
        assertThat(Mail.PASSWORD_CHANGED.category().optional()).isFalse();
        assertThat(Mail.SECURITY_CASE_OPENED.link()).isEqualTo("/security/cases");
        assertThat(Mail.REQUEST_FOR_HR.category()).isEqualTo(Category.APPROVALS);
        assertThat(Mail.REQUEST_FOR_HR.link()).isEqualTo("/hr/requests");
        assertThat(Mail.LEAVE_DECIDED.category().optional()).isTrue();
    }
}
