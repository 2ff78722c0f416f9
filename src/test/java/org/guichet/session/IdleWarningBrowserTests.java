package org.guichet.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.guichet.testing.BrowserTest;
import org.guichet.testing.Chromium;
import org.guichet.testing.Demo;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.test.context.TestPropertySource;

/** Before the idle timeout, a dialog offers to stay signed in; here the timeout is 2.5 minutes, the warning 2.4. */
@TestPropertySource(properties = {"spring.session.timeout=150s", "guichet.session.idle-warning=144s"})
class IdleWarningBrowserTests extends BrowserTest {

    @Test
    void idleWhenWarningDueThenAccessibleDialogAndStayingKeepsTheSession() {
        signIn(Demo.CAMILLE);
        chrome.get(url("/account"));

        var dialog = new WebDriverWait(chrome, Duration.ofSeconds(30))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("idle-dialog")));
        assertThat(dialog.getAttribute("open")).isNotNull();
        assertThat(dialog.getAttribute("aria-labelledby")).isEqualTo("idle-title");
        assertThat(dialog.getText()).contains("Votre session va expirer", "vous serez déconnecté dans");
        assertThat(chrome.switchTo().activeElement().getText()).isEqualTo("Rester connecté");
        assertThat(Chromium.accessibilityViolations(chrome)).isEmpty();
        Chromium.screenshot(chrome, "idle-warning");

        chrome.switchTo().activeElement().click();

        waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.id("idle-dialog")));
        chrome.get(url("/account"));
        assertThat(chrome.getCurrentUrl()).endsWith("/account");
        assertThat(chrome.findElement(By.tagName("h1")).getText()).isEqualTo("Mon compte");
    }
}
