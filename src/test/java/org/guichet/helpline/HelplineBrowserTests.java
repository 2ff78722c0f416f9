package org.guichet.helpline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Map;
import org.guichet.testing.Agents;
import org.guichet.testing.BrowserTest;
import org.guichet.testing.Chromium;
import org.guichet.testing.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Asking IT support on a phone, from the refusal one is stuck on, and the helpdesk answering: every page axe-checked
 * and drawn at phone and desktop size.
 */
class HelplineBrowserTests extends BrowserTest {

    @Autowired
    Agents agents;

    @Autowired
    Clock clock;

    @AfterEach
    void plainClient() {
        chrome.executeCdpCommand("Network.enable", Map.of());
        chrome.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of()));
    }

    private void accessible(String name) {
        assertThat(Chromium.accessibilityViolations(chrome)).as(name).isEmpty();
        Chromium.screenshot(chrome, name + "-phone");
        chrome.manage().window().setSize(new Dimension(1280, 1000));
        Chromium.screenshot(chrome, name + "-desktop");
        chrome.manage().window().setSize(new Dimension(390, 844));
    }

    @Test
    void conversationWhenFiledFromARefusalOnAPhoneThenTheHelpdeskAnswersIt() {
        chrome.manage().window().setSize(new Dimension(390, 844));
        var nomad = agents.create().named("Alix").withTotp().withRemoteAccess().build();
        chrome.executeCdpCommand("Network.enable", Map.of());
        chrome.executeCdpCommand(
                "Network.setExtraHTTPHeaders", Map.of("headers", Map.of("X-Forwarded-For", TestData.address())));
        signInWithApp(nomad.login(), clock);

        // refused from the internet: the refusal offers to contact support with its reference
        chrome.get(url("/services/gis"));
        var reference =
                chrome.findElement(By.cssSelector(".refusal .reference strong")).getText();
        chrome.findElement(By.linkText("Contacter l’assistance")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("contact")));
        assertThat(chrome.findElement(By.id("contact-reference")).getText()).contains(reference);
        accessible("helpline-contact");
        chrome.findElement(By.id("message")).sendKeys("Je n’arrive pas à ouvrir le SIG depuis chez moi.");
        submit();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("thread")));
        assertThat(chrome.findElement(By.id("state")).getText()).isEqualTo("En attente de l’assistance");
        accessible("helpline-conversation");

        // the helpdesk, from the office
        plainClient();
        chrome.manage().deleteAllCookies();
        signInWithApp("hugo.robert", clock);
        chrome.get(url("/support/conversations"));
        accessible("helpline-queue");
        chrome.findElement(By.linkText(nomad.fullName())).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("findings")));
        assertThat(chrome.findElement(By.id("reason")).getText()).isEqualTo("CHANNEL_NOT_ALLOWED");
        accessible("helpline-helpdesk-conversation");
        chrome.findElement(By.id("message")).sendKeys("Le SIG s’ouvre depuis le VPN : activez-le puis réessayez.");
        submit();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("thread")));
        assertThat(chrome.findElement(By.id("thread")).getText()).contains("activez-le");
    }
}
