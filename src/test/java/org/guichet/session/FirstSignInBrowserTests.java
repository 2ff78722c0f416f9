package org.guichet.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.guichet.testing.Agents;
import org.guichet.testing.BrowserTest;
import org.guichet.testing.Chromium;
import org.guichet.testing.Demo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Jules Garcia's first sign-in as he sees it: his own password (with the strength meter), the charter, home. */
class FirstSignInBrowserTests extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    Agents agents;

    /** A new agent, as Jules Garcia is in the README: the password to change, the charter not accepted yet. */
    Agents.TestAgent newcomer;

    @BeforeEach
    void aNewAgent() {
        newcomer = agents.create()
                .named("Jules")
                .mustChangePassword()
                .withoutCharter()
                .build();
    }

    @Test
    void firstSignInWhenJulesThenOwnPasswordThenCharterThenHome() {
        var wait = waiting();
        submitLogin(newcomer.login(), Demo.PASSWORD);

        wait.until(ExpectedConditions.urlContains("/sign-in/password"));
        assertThat(chrome.findElement(By.tagName("h1")).getText()).isEqualTo("Choisir votre mot de passe");
        var password = chrome.findElement(By.id("password"));
        password.sendKeys("jules2026");
        var meter = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("password-meter")));
        wait.until(ExpectedConditions.textToBePresentInElement(meter, "ni votre nom"));
        assertThat(meter.getAttribute("aria-live")).isEqualTo("polite");
        assertThat(meter.getText()).contains("Solidité", "au moins 12 caractères");
        Chromium.screenshot(chrome, "first-sign-in-weak-password");

        password.clear();
        password.sendKeys(FirstSignInTests.HIS_PASSWORD);
        wait.until(ExpectedConditions.or(
                ExpectedConditions.textToBePresentInElement(meter, "bonne"),
                ExpectedConditions.textToBePresentInElement(meter, "excellente")));
        assertThat(meter.findElements(By.cssSelector(".meter__problems li"))).isEmpty();
        chrome.findElement(By.id("confirmation")).sendKeys(FirstSignInTests.HIS_PASSWORD + "?");
        submit();

        var summary = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("error-summary")));
        assertThat(summary.getText()).contains("Les deux mots de passe saisis sont différents");
        assertThat(chrome.switchTo().activeElement().getAttribute("id"))
                .as("focus on the errors")
                .isEqualTo("error-summary");
        chrome.findElement(By.id("password")).sendKeys(FirstSignInTests.HIS_PASSWORD);
        chrome.findElement(By.id("confirmation")).sendKeys(FirstSignInTests.HIS_PASSWORD);
        submit();

        wait.until(ExpectedConditions.urlContains("/sign-in/charter"));
        Chromium.screenshot(chrome, "first-sign-in-charter");
        chrome.findElement(By.id("accept")).click();
        submit();

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("agent-name")));
        assertThat(chrome.findElement(By.tagName("h1")).getText()).isEqualTo("Bonjour Jules");
        Chromium.screenshot(chrome, "first-sign-in-home");
    }
}
