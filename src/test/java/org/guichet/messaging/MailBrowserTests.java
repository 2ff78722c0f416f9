package org.guichet.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import org.guichet.testing.Agents;
import org.guichet.testing.BrowserTest;
import org.guichet.testing.Chromium;
import org.guichet.testing.Dovecot;
import org.guichet.testing.Nginx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/** The webmail as an agent sees it on a phone, against a real Dovecot: the inbox, then a message to read. */
@TestPropertySource(properties = "guichet.messaging.resource-server-secret=" + MailBrowserTests.SECRET)
class MailBrowserTests extends BrowserTest {

    static final String SECRET = "mail-server-browser-secret";
    private static final int IMAP = Nginx.freePort();

    private static Dovecot dovecot;

    @Autowired
    Agents agents;

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry properties) {
        properties.add("guichet.messaging.imap-port", () -> IMAP);
    }

    @BeforeEach
    void startDovecot() throws Exception {
        if (dovecot == null) {
            dovecot = Dovecot.start(IMAP, "http://mail-server:" + SECRET + "@127.0.0.1:" + port + "/oauth2/introspect");
        }
        chrome.manage().window().setSize(new Dimension(390, 844));
    }

    @AfterAll
    static void stopDovecot() throws Exception {
        if (dovecot != null) {
            dovecot.close();
            dovecot = null;
        }
    }

    private void accessible(String name) {
        assertThat(Chromium.accessibilityViolations(chrome)).as(name).isEmpty();
        Chromium.screenshot(chrome, name + "-phone");
        chrome.manage().window().setSize(new Dimension(1280, 1000));
        Chromium.screenshot(chrome, name + "-desktop");
        chrome.manage().window().setSize(new Dimension(390, 844));
    }

    @Test
    void inboxWhenOpenedOnAPhoneThenTheMessagesNewestFirstAndOneToRead() throws Exception {
        var person = agents.create().build();
        var box = person.email().substring(0, person.email().indexOf('@'));
        dovecot.deliver(box, """
                From: Service RH <rh@ville.example>
                To: %s
                Subject: Votre bulletin de novembre est disponible
                Date: Mon, 30 Nov 2026 09:00:00 +0100
                Content-Type: text/plain; charset=utf-8

                Bonjour,

                votre bulletin de paie de novembre est disponible dans Guichet.

                Le service des ressources humaines
                """.formatted(person.email()), true);
        dovecot.deliver(box, """
                From: Lettre interne <lettre@ville.example>
                To: %s
                Subject: La lettre de la semaine
                Date: Tue, 01 Dec 2026 08:00:00 +0100
                MIME-Version: 1.0
                Content-Type: text/html; charset=utf-8

                <html><body onload="alert(1)"><h2>Travaux de la semaine</h2><p>La rue de la Gare est fermée
                jusqu'à vendredi. <a href="https://ville.example/travaux">Le détail des travaux</a></p>
                <img src="https://tracker.example/pixel.gif" alt="suivi"><script>alert(2)</script></body></html>
                """.formatted(person.email()), false);
        signIn(person.login());

        chrome.get(url("/mail"));
        var list = chrome.findElements(By.cssSelector("#messages .mail-list__item"));
        assertThat(list).hasSize(2);
        assertThat(list.getFirst().getText()).contains("La lettre de la semaine");
        assertThat(list.getFirst().getAttribute("class")).contains("mail-list__item--unread");
        assertThat(chrome.findElement(By.cssSelector(".mail__folders .badge")).getText())
                .isEqualTo("1");
        accessible("mail-inbox");

        list.getFirst().findElement(By.tagName("a")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("message")));
        assertThat(chrome.findElement(By.tagName("h1")).getText()).isEqualTo("La lettre de la semaine");
        assertThat(chrome.findElement(By.cssSelector(".mail-message__body")).getText())
                .contains("Travaux de la semaine", "La rue de la Gare est fermée", "Le détail des travaux");
        assertThat(chrome.findElements(By.cssSelector(".mail-message__body img")))
                .isEmpty();
        assertThat(chrome.findElement(By.cssSelector(".mail-message__body a")).getAttribute("href"))
                .isEqualTo("https://ville.example/travaux");
        assertThat(chrome.findElement(By.cssSelector(".alert")).getText()).contains("images");
        accessible("mail-message");

        chrome.get(chrome.getCurrentUrl() + "?lang=en");
        assertThat(chrome.findElement(By.cssSelector(".mail-message__headers")).getText())
                .contains("From", "To", "Date");
        assertThat(chrome.findElement(By.cssSelector(".alert")).getText()).contains("Images from the internet");
        accessible("mail-message-en");
        chrome.get(url("/mail?lang=en"));
        assertThat(chrome.findElement(By.tagName("h1")).getText()).isEqualTo("Mail");
        accessible("mail-inbox-en");
        chrome.get(url("/mail?lang=fr"));
        assertThat(chrome.findElements(By.cssSelector("#messages .mail-list__item--unread")))
                .isEmpty();
        chrome.findElement(By.cssSelector("#messages a")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("message")));
        chrome.findElement(By.linkText("Retour aux messages")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("messages")));
        assertThat(chrome.findElements(By.cssSelector("#messages .mail-list__item--unread")))
                .isEmpty();
    }
}
