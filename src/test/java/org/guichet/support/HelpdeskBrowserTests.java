package org.guichet.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import org.guichet.directory.DirectoryManagement;
import org.guichet.testing.Agents;
import org.guichet.testing.BrowserTest;
import org.guichet.testing.Chromium;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * What the helpdesk sees: Hugo Robert checks a new agent who locked himself out, finds him by name, and unlocks him
 * with a reason; then Sarah Durand reads it in the journal. Each page passes axe-core's WCAG 2.1 A and AA rules; screenshots
 * {@code check-agent-locked}, {@code check-agent-unlocked}, {@code journal} and {@code administration}.
 */
class HelpdeskBrowserTests extends BrowserTest {

    @Autowired
    Agents agents;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    Clock clock;

    @Autowired
    DirectoryManagement directory;

    @BeforeEach
    void nothingLocked() {
        jdbc.sql("UPDATE totp_credential SET last_step = NULL").update();
    }

    @Test
    void checkAgentWhenLockedThenTheLockItsEndAndTheUnlockAreOnThePage() {
        var block = agents.create().named("Bastien").build().block();
        var soi = block.soi(1);
        for (var attempt = 0; attempt < 5; attempt++) {
            submitRefusedLogin(soi, "not-his-password-42");
        }
        signInWithApp("hugo.robert", clock);
        chrome.get(url("/support"));
        chrome.findElement(By.id("q")).sendKeys("Bastien " + block.name());
        submit();
        waiting().until(driver -> driver.getCurrentUrl().contains("/support/agents/" + soi));
        var locked = chrome.findElement(By.cssSelector("[data-code='LOCKED']"));
        assertThat(locked.getText()).contains("verrouillé jusqu’au", "après 5 échecs");
        assertThat(chrome.findElement(By.cssSelector("[data-code='NO_SECOND_FACTOR']"))
                        .getText())
                .contains("code d’enrôlement");
        assertThat(Chromium.accessibilityViolations(chrome)).as("check agent").isEmpty();
        Chromium.screenshot(chrome, "check-agent-locked");

        chrome.findElement(By.id("reason-unlock")).sendKeys("Appel de l’agent, identité vérifiée");
        chrome.findElement(By.cssSelector("#action-unlock button")).click();
        waiting().until(driver -> !driver.findElements(By.id("done")).isEmpty());
        assertThat(chrome.findElements(By.cssSelector("[data-code='LOCKED']"))).isEmpty();
        Chromium.screenshot(chrome, "check-agent-unlocked");

        // the agent signs in again and reads their own activity: the failures are there
        signIn(soi);
        chrome.get(url("/account/activity"));
        assertThat(chrome.findElements(By.cssSelector("#activity [data-type='SignInFailed']")))
                .isNotEmpty();
        assertThat(Chromium.accessibilityViolations(chrome)).as("my activity").isEmpty();
        Chromium.screenshot(chrome, "my-activity");

        signInWithApp("sarah.durand", clock);
        chrome.get(url("/security/journal?agent=" + soi + "&type=HelpdeskUnlock"));
        assertThat(chrome.findElement(By.id("entries")).getText()).contains("HelpdeskUnlock", "1000004");
        assertThat(Chromium.accessibilityViolations(chrome)).as("journal").isEmpty();
        Chromium.screenshot(chrome, "journal");
        chrome.get(url("/security/cases"));
        assertThat(Chromium.accessibilityViolations(chrome)).as("cases").isEmpty();
    }

    @Test
    void administrationWhenVisitedThenAccessibleAndARefusedFieldIsNamed() {
        signInWithApp("nora.lefevre", clock);
        chrome.get(url("/admin"));
        assertThat(Chromium.accessibilityViolations(chrome))
                .as("administration")
                .isEmpty();
        Chromium.screenshot(chrome, "administration");
        var threshold = chrome.findElement(By.id("threshold"));
        threshold.clear();
        threshold.sendKeys("99");
        chrome.findElement(By.cssSelector("#lockout button")).click();
        waiting().until(driver -> !driver.findElements(By.id("threshold-error")).isEmpty());
        assertThat(chrome.findElement(By.id("threshold-error")).getText()).contains("de 3 à 20");
        assertThat(Chromium.accessibilityViolations(chrome))
                .as("administration refused")
                .isEmpty();
    }
}
