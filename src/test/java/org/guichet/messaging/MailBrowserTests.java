package org.guichet.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import org.guichet.testing.Agents;
import org.guichet.testing.BrowserTest;
import org.guichet.testing.Chromium;
import org.guichet.testing.Dovecot;
import org.guichet.testing.MailServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/** The webmail as an agent sees it on a phone, against a real Dovecot: the inbox, then a message to read. */
@TestPropertySource(properties = "guichet.messaging.resource-server-secret=" + MailBrowserTests.SECRET)
class MailBrowserTests extends BrowserTest {

    static final String SECRET = "mail-server-browser-secret";
    /** Dovecot, and the GreenMail its submission server relays to (the rest of the mail system, for the test to read). */
    private static final MailServer MAIL = new MailServer();

    private static Dovecot dovecot;

    @Autowired
    Agents agents;

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry properties) {
        MAIL.properties(properties);
    }

    @BeforeEach
    void startDovecot() throws Exception {
        dovecot = MAIL.start(port, SECRET);
        chrome.manage().window().setSize(new Dimension(390, 844));
    }

    @AfterAll
    static void stopDovecot() throws Exception {
        MAIL.close();
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

        // the home page's tile says how many are unread, once the page is shown
        chrome.get(url("/"));
        assertThat(waiting()
                        .until(ExpectedConditions.visibilityOfElementLocated(By.id("mail-unread")))
                        .getText())
                .isEqualTo("1 non lu");
        assertThat(chrome.findElement(By.cssSelector("#service-messaging .tile__title a"))
                        .getAttribute("href"))
                .endsWith("/services/messaging");

        // and so does the header, beside the bell
        var mailLink = chrome.findElement(By.cssSelector(".site-header__tools a[data-mail-link]"));
        waiting().until(driver -> mailLink.getAttribute("hidden") == null);
        assertThat(mailLink.getAttribute("aria-label")).isEqualTo("Messagerie, 1 message non lu");

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

        // marked unread again, then deleted
        chrome.findElement(By.cssSelector("#messages a")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("message")));
        chrome.findElement(By.xpath("//button[normalize-space()='Marquer comme non lu']"))
                .click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("messages")));
        assertThat(chrome.findElements(By.cssSelector("#messages .mail-list__item--unread")))
                .hasSize(1);
        chrome.findElement(By.cssSelector("#messages a")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("message")));
        chrome.findElement(By.xpath("//button[normalize-space()='Supprimer']")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("deleted")));
        assertThat(chrome.findElements(By.cssSelector("#messages .mail-list__item")))
                .hasSize(1);
        assertThat(chrome.findElement(By.cssSelector(".mail__folders")).getText())
                .contains("Corbeille");
        accessible("mail-deleted");
    }

    @Test
    void messageWhenAnsweredAndSearchedOnAPhoneThenTheReplyGoesAndTheSearchFindsIt() throws Exception {
        var person = agents.create().build();
        var box = person.email().substring(0, person.email().indexOf('@'));
        dovecot.deliver(box, """
                From: Marie Dupont <marie.dupont@ville.example>
                To: %s
                Subject: Planning des astreintes
                Date: Wed, 02 Dec 2026 10:00:00 +0100
                Message-ID: <planning-42@ville.example>
                Content-Type: text/plain; charset=utf-8

                Peux-tu confirmer ta semaine d'astreinte ?
                """.formatted(person.email()), false);
        dovecot.deliver(box, """
                From: Service RH <rh@ville.example>
                To: %s
                Subject: Votre bulletin de novembre est disponible
                Date: Mon, 30 Nov 2026 09:00:00 +0100
                Content-Type: text/plain; charset=utf-8

                Bonjour.
                """.formatted(person.email()), false);
        signIn(person.login());

        // search on the server
        chrome.get(url("/mail"));
        chrome.findElement(By.id("q")).sendKeys("astreinte");
        chrome.findElement(By.cssSelector(".mail__search button")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("search-result")));
        assertThat(chrome.findElement(By.id("search-result")).getText()).contains("Un message contient");
        assertThat(chrome.findElements(By.cssSelector("#messages .mail-list__item")))
                .singleElement()
                .satisfies(item -> assertThat(item.getText()).contains("Planning des astreintes"));
        accessible("mail-search");

        // read, then reply
        chrome.findElement(By.cssSelector("#messages a")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("message")));
        chrome.findElement(By.linkText("Répondre")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("compose")));
        assertThat(chrome.findElement(By.id("to")).getAttribute("value")).contains("marie.dupont@ville.example");
        assertThat(chrome.findElement(By.id("subject")).getAttribute("value")).isEqualTo("Re: Planning des astreintes");
        assertThat(chrome.findElement(By.id("text")).getAttribute("value")).contains("> Peux-tu confirmer");
        accessible("mail-compose");

        // a personal address is refused with the charter's rule, nothing sent
        var before = MAIL.relayed().length;
        chrome.findElement(By.id("cc")).sendKeys("moi.perso@gmail.com");
        chrome.findElement(By.cssSelector("#compose button[type=submit]")).click();
        var summary = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("error-summary")));
        assertThat(summary.getText()).contains("charte informatique", "moi.perso@gmail.com");
        assertThat(MAIL.relayed()).hasSize(before);
        accessible("mail-compose-refused");

        chrome.findElement(By.id("cc")).clear();
        chrome.findElement(By.id("text")).sendKeys(Keys.CONTROL, Keys.HOME);
        chrome.findElement(By.id("text")).sendKeys("Oui, la semaine 50.");
        chrome.findElement(By.cssSelector("#compose button[type=submit]")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("sent")));
        var received = MAIL.relayed();
        assertThat(received).hasSize(before + 1);
        var reply = received[received.length - 1];
        assertThat(reply.getSubject()).isEqualTo("Re: Planning des astreintes");
        assertThat(reply.getHeader("In-Reply-To")).containsExactly("<planning-42@ville.example>");
        assertThat(String.valueOf(reply.getContent())).contains("Oui, la semaine 50.", "> Peux-tu confirmer");

        // forwarded with a file: its weight told before sending, the file and the text go along
        chrome.get(url("/mail"));
        chrome.findElement(By.partialLinkText("Planning des astreintes")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("message")));
        chrome.findElement(By.linkText("Transférer")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("compose")));
        assertThat(chrome.findElement(By.id("subject")).getAttribute("value"))
                .isEqualTo("Fwd: Planning des astreintes");
        chrome.findElement(By.id("to")).sendKeys("chef@ville.example");
        var file = java.nio.file.Files.createTempFile("astreintes", ".pdf");
        try {
            java.nio.file.Files.write(file, new byte[6 * 1024 * 1024]);
            chrome.findElement(By.id("files")).sendKeys(file.toString());
            assertThat(waiting()
                            .until(ExpectedConditions.visibilityOfElementLocated(By.id("files-weight")))
                            .getText())
                    .contains("6,0 Mo", "plusieurs minutes");
            accessible("mail-forward");
            chrome.findElement(By.cssSelector("#compose button[value=send]")).click();
            waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("sent")));
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
        var forwarded = MAIL.relayed("Fwd: Planning des astreintes");
        var parts = (jakarta.mail.Multipart) forwarded.getContent();
        assertThat(String.valueOf(parts.getBodyPart(0).getContent()))
                .contains("Message transféré", "Peux-tu confirmer");
        assertThat(parts.getBodyPart(1).getFileName())
                .isEqualTo(file.getFileName().toString());
        assertThat(parts.getBodyPart(1).getSize()).isGreaterThan(6 * 1024 * 1024);
    }
}
