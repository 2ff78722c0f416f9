package org.guichet.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import org.guichet.testing.Agents;
import org.guichet.testing.BrowserTest;
import org.guichet.testing.Chromium;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A request as people live it, in Chromium: Camille files a training request from its form, Lucas, her manager,
 * approves it on his approvals page, Inès Petit on HR's queue, and Camille finds it complete with its timeline. Each
 * page passes axe-core's WCAG 2.1 A and AA rules; screenshots land in {@code target/screenshots/}.
 */
class RequestBrowserTests extends BrowserTest {

    @Autowired
    Clock clock;

    @Autowired
    Agents agents;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void trainingRequestWhenFiledThenApprovedByTheManagerAndHrThenComplete() {
        // Camille and her manager Lucas of the test's own (what they file is theirs); Inès Petit, of the demo, is HR
        var lucas = agents.create().named("Lucas").build();
        var camille = agents.create().named("Camille").withManager(lucas).build();
        signIn(camille.login());
        chrome.get(url("/requests"));
        accessible("requests");
        chrome.findElement(By.linkText("Demande de formation")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("field-title")));
        chrome.findElement(By.id("field-title")).sendKeys("Conduite d’engins de chantier");
        chrome.findElement(By.id("field-organisation")).sendKeys("CNFPT");
        chrome.executeScript("arguments[0].value = '2027-06-07'", chrome.findElement(By.id("field-start")));
        chrome.findElement(By.cssSelector("#request-form button[type=submit]:not([name])"))
                .click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("field-days-error")));
        accessible("request-form-error");
        chrome.findElement(By.id("field-days")).sendKeys("3");
        chrome.findElement(By.cssSelector("#request-form button[type=submit]:not([name])"))
                .click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("submitted")));
        var request = chrome.getCurrentUrl().substring(chrome.getCurrentUrl().lastIndexOf('/') + 1);
        assertThat(chrome.findElement(By.id("state")).getText()).contains("étape 1 sur 2");
        accessible("request-submitted");

        signIn(lucas.login());
        chrome.get(url("/approvals"));
        var item = chrome.findElements(By.cssSelector("article.approval")).stream()
                .filter(article -> !article.findElements(By.cssSelector("a[href$='/requests/" + request + "']"))
                        .isEmpty())
                .findFirst()
                .orElseThrow();
        item.findElement(By.tagName("textarea")).sendKeys("Bonne idée");
        item.findElement(By.cssSelector("button[type=submit]:not([formaction])"))
                .click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("decided")));

        // each code is accepted once: forget the one other tests of this JVM may just have used
        jdbc.sql("UPDATE totp_credential SET last_step = NULL WHERE soi = '1000003'")
                .update();
        signInWithApp("ines.petit", clock);
        chrome.get(url("/hr/requests"));
        var card = chrome.findElement(By.id("request-" + request));
        accessible("hr-requests");
        card.findElement(By.cssSelector("form.form button[type=submit]:not([formaction])"))
                .click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("decided")));

        signIn(camille.login());
        chrome.get(url("/requests/" + request));
        assertThat(chrome.findElement(By.id("state")).getAttribute("data-state"))
                .isEqualTo("COMPLETED");
        assertThat(chrome.findElements(By.cssSelector("#timeline li"))).hasSize(4);
        assertThat(chrome.findElement(By.id("timeline")).getText())
                .contains(lucas.fullName(), "Inès Petit", "Bonne idée");
        assertThat(chrome.findElement(By.id("bell")).getText()).contains("Notifications");
        accessible("request-completed");
    }

    private void accessible(String name) {
        assertThat(Chromium.accessibilityViolations(chrome)).as(name).isEmpty();
        Chromium.screenshot(chrome, name);
    }
}
