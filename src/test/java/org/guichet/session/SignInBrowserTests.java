package org.guichet.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.time.Duration;
import org.guichet.testing.Chromium;
import org.guichet.testing.Demo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** What a person sees, in a real browser: Camille signs in and is greeted by name. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class SignInBrowserTests {

    static ChromeDriver chrome;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() {
        assumeFalse(Chromium.skipped(), "browser tests skipped by -Dguichet.browser.skip=true");
        chrome = Chromium.start(1280, 900);
    }

    @AfterAll
    static void stopBrowser() {
        if (chrome != null) {
            chrome.quit();
        }
    }

    @Test
    void signInWhenCamilleThenHerNameInHeaderAndPage() {
        chrome.manage().deleteAllCookies();
        chrome.get("http://127.0.0.1:" + port + "/");

        var wait = new WebDriverWait(chrome, Duration.ofSeconds(15));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        assertThat(chrome.getCurrentUrl()).endsWith("/login");
        assertThat(chrome.findElement(By.tagName("h1")).getText()).isEqualTo("Se connecter à Guichet");
        Chromium.screenshot(chrome, "login");

        chrome.findElement(By.id("username")).sendKeys(Demo.CAMILLE);
        chrome.findElement(By.id("password")).sendKeys(Demo.PASSWORD);
        chrome.findElement(By.cssSelector("form.form button[type=submit]")).click();

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("agent-name")));
        assertThat(chrome.findElement(By.cssSelector(".account__name")).getText())
                .isEqualTo("Camille Martin");
        assertThat(chrome.findElement(By.id("agent-name")).getText()).isEqualTo("Camille Martin");
        assertThat(chrome.findElement(By.tagName("h1")).getText()).isEqualTo("Bonjour Camille");
        Chromium.screenshot(chrome, "home-camille");
    }

    @Test
    void signInWhenWrongPasswordThenMessageAnnounced() {
        chrome.manage().deleteAllCookies();
        chrome.get("http://127.0.0.1:" + port + "/login");

        chrome.findElement(By.id("username")).sendKeys(Demo.CAMILLE);
        chrome.findElement(By.id("password")).sendKeys("wrong password");
        chrome.findElement(By.cssSelector("form.form button[type=submit]")).click();

        var wait = new WebDriverWait(chrome, Duration.ofSeconds(15));
        var error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-error")));
        assertThat(error.getAttribute("role")).isEqualTo("alert");
        assertThat(error.getText()).contains("Identifiant ou mot de passe incorrect");
    }
}
