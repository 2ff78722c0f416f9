package org.guichet.helpline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Map;
import org.guichet.testing.Agents;
import org.guichet.testing.BrowserTest;
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

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @AfterEach
    void plainClient() {
        chrome.executeCdpCommand("Network.enable", Map.of());
        chrome.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of()));
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
        accessibleAtBothSizes("helpline-contact");
        chrome.findElement(By.id("message")).sendKeys("Je n’arrive pas à ouvrir le SIG depuis chez moi.");
        submit();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("thread")));
        assertThat(chrome.findElement(By.id("state")).getText()).isEqualTo("En attente de l’assistance");
        accessibleAtBothSizes("helpline-conversation");

        // the helpdesk, from the office
        plainClient();
        chrome.manage().deleteAllCookies();
        signInWithApp("hugo.robert", clock);
        chrome.get(url("/support/conversations"));
        accessibleAtBothSizes("helpline-queue");
        chrome.findElement(By.linkText(nomad.fullName())).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("findings")));
        assertThat(chrome.findElement(By.id("reason")).getText()).isEqualTo("CHANNEL_NOT_ALLOWED");
        accessibleAtBothSizes("helpline-helpdesk-conversation");
        // a ready answer fills the answer, which stays editable
        new org.openqa.selenium.support.ui.Select(chrome.findElement(By.id("canned"))).selectByValue("fr.USE_VPN");
        assertThat(chrome.findElement(By.id("message")).getDomProperty("value"))
                .contains("depuis le réseau de la ville ou le VPN");
        chrome.findElement(By.id("message")).clear();
        chrome.findElement(By.id("message")).sendKeys("Le SIG s’ouvre depuis le VPN : activez-le puis réessayez.");
        var page = chrome.findElement(By.tagName("html"));
        chrome.findElement(By.cssSelector("#answer button[type=submit]")).click();
        waiting().until(ExpectedConditions.stalenessOf(page));
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("thread")));
        assertThat(chrome.findElement(By.id("thread")).getText()).contains("activez-le");
    }

    @Test
    void loginPageFormOnAPhoneThenTheEmailsLinkOpensTheConversationThroughTheSignIn() {
        chrome.manage().window().setSize(new Dimension(390, 844));
        var person = agents.create().named("Maëlle").build();
        chrome.manage().deleteAllCookies();
        chrome.get(url("/login"));
        chrome.findElement(By.id("write-link")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("write")));
        accessibleAtBothSizes("helpline-write");
        chrome.findElement(By.id("identifier")).sendKeys(person.login());
        chrome.findElement(By.id("message")).sendKeys("Le code SMS n’arrive plus, j’ai changé de téléphone.");
        submit();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("received")));
        accessibleAtBothSizes("helpline-write-received");
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(10))
                .until(() -> jdbc.sql("SELECT COUNT(*) FROM conversation WHERE soi = ?")
                                .param(person.soi())
                                .query(Integer.class)
                                .single()
                        == 1);
        var id = jdbc.sql("SELECT id FROM conversation WHERE soi = ?")
                .param(person.soi())
                .query(String.class)
                .single();

        // the link of the e-mail, opened signed out on the phone: the sign-in, then the conversation itself
        chrome.manage().deleteAllCookies();
        chrome.get(url("/help/conversations/" + id));
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        chrome.findElement(By.id("username")).sendKeys(person.login());
        chrome.findElement(By.id("password")).sendKeys(org.guichet.testing.Demo.PASSWORD);
        submit();
        waiting().until(ExpectedConditions.urlContains("/help/conversations/" + id));
        assertThat(chrome.findElement(By.id("thread")).getText())
                .contains("Vous", "depuis la page de connexion", "Le code SMS n’arrive plus");

        // where agents get stuck, for the security officer
        chrome.manage().deleteAllCookies();
        signInWithApp("sarah.durand", clock);
        chrome.get(url("/security/stuck"));
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("totals")));
        accessibleAtBothSizes("helpline-stuck");
    }
}
