package org.guichet.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import org.guichet.testing.BrowserTest;
import org.guichet.testing.Chromium;
import org.guichet.testing.DemoState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * What the helpdesk sees: Hugo Robert checks Théo Moreau, who locked himself out, and unlocks him with a reason; then
 * Sarah Durand reads it in the journal. Each page passes axe-core's WCAG 2.1 A and AA rules; screenshots
 * {@code check-agent-locked}, {@code check-agent-unlocked} and {@code journal}.
 */
class HelpdeskBrowserTests extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    Clock clock;

    @BeforeEach
    void nothingLocked() {
        new DemoState(jdbc, encoder).unlockEverything();
        jdbc.sql("UPDATE totp_credential SET last_step = NULL").update();
    }

    @Test
    void checkAgentWhenLockedThenTheLockItsEndAndTheUnlockAreOnThePage() {
        for (var attempt = 0; attempt < 5; attempt++) {
            submitLogin("theo.moreau", "not-his-password-42");
        }
        signInWithApp("hugo.robert", clock);
        chrome.get(url("/support"));
        chrome.findElement(By.id("q")).sendKeys("Moreau");
        submit();
        waiting().until(driver -> driver.getCurrentUrl().contains("/support/agents/1000007"));
        var locked = chrome.findElement(By.cssSelector("[data-code='LOCKED']"));
        assertThat(locked.getText()).contains("verrouillé jusqu’au", "après 5 échecs");
        assertThat(Chromium.accessibilityViolations(chrome)).as("check agent").isEmpty();
        Chromium.screenshot(chrome, "check-agent-locked");

        chrome.findElement(By.id("reason-unlock")).sendKeys("Appel de l’agent, identité vérifiée");
        chrome.findElement(By.cssSelector("#action-unlock button")).click();
        waiting().until(driver -> !driver.findElements(By.id("done")).isEmpty());
        assertThat(chrome.findElements(By.cssSelector("[data-code='LOCKED']"))).isEmpty();
        Chromium.screenshot(chrome, "check-agent-unlocked");

        signInWithApp("sarah.durand", clock);
        chrome.get(url("/security/journal?agent=1000007&type=HelpdeskUnlock"));
        assertThat(chrome.findElement(By.id("entries")).getText()).contains("HelpdeskUnlock", "1000004");
        assertThat(Chromium.accessibilityViolations(chrome)).as("journal").isEmpty();
        Chromium.screenshot(chrome, "journal");
    }
}
