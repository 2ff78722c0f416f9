package org.guichet.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.time.Duration;
import org.guichet.testing.Chromium;
import org.guichet.testing.Demo;
import org.guichet.testing.DemoState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;

/** Jules Garcia's first sign-in as he sees it: his own password (with the strength meter), the charter, home. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class FirstSignInBrowserTests {

    static ChromeDriver chrome;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    @BeforeAll
    static void startBrowser() {
        assumeFalse(Chromium.skipped(), "browser tests skipped by -Dguichet.browser.skip=true");
        chrome = Chromium.start(1280, 1000);
    }

    @AfterAll
    static void stopBrowser() {
        if (chrome != null) {
            chrome.quit();
        }
    }

    @BeforeEach
    @AfterEach
    void julesAsInTheReadme() {
        new DemoState(jdbc, encoder).firstSignInPending("1000009");
    }

    @Test
    void firstSignInWhenJulesThenOwnPasswordThenCharterThenHome() {
        var wait = new WebDriverWait(chrome, Duration.ofSeconds(15));
        chrome.manage().deleteAllCookies();
        chrome.get("http://127.0.0.1:" + port + "/login");
        chrome.findElement(By.id("username")).sendKeys(Demo.JULES);
        chrome.findElement(By.id("password")).sendKeys(Demo.PASSWORD);
        chrome.findElement(By.cssSelector("form.form button[type=submit]")).click();

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
        chrome.findElement(By.cssSelector("form.form button[type=submit]")).click();

        var summary = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("error-summary")));
        assertThat(summary.getText()).contains("Les deux mots de passe saisis sont différents");
        assertThat(chrome.switchTo().activeElement().getAttribute("id"))
                .as("focus on the errors")
                .isEqualTo("error-summary");
        chrome.findElement(By.id("password")).sendKeys(FirstSignInTests.HIS_PASSWORD);
        chrome.findElement(By.id("confirmation")).sendKeys(FirstSignInTests.HIS_PASSWORD);
        chrome.findElement(By.cssSelector("form.form button[type=submit]")).click();

        wait.until(ExpectedConditions.urlContains("/sign-in/charter"));
        Chromium.screenshot(chrome, "first-sign-in-charter");
        chrome.findElement(By.id("accept")).click();
        chrome.findElement(By.cssSelector("form.form button[type=submit]")).click();

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("agent-name")));
        assertThat(chrome.findElement(By.tagName("h1")).getText()).isEqualTo("Bonjour Jules");
        Chromium.screenshot(chrome, "first-sign-in-home");
    }
}
