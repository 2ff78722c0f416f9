package org.guichet.platform;

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

/** Every page, in French and English, passes axe-core's WCAG 2.1 A and AA rules in a real browser. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class AccessibilityBrowserTests {

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
        chrome = Chromium.start(1280, 900);
    }

    @AfterAll
    static void stopBrowser() {
        if (chrome != null) {
            chrome.quit();
        }
    }

    @BeforeEach
    @AfterEach
    void demoAsInTheReadme() {
        new DemoState(jdbc, encoder).firstSignInPending("1000009");
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private void check(String path) {
        chrome.get(url(path));
        assertThat(Chromium.accessibilityViolations(chrome)).as(path).isEmpty();
    }

    private void signIn(String login) {
        chrome.manage().deleteAllCookies();
        chrome.get(url("/login"));
        chrome.findElement(By.id("username")).sendKeys(login);
        chrome.findElement(By.id("password")).sendKeys(Demo.PASSWORD);
        chrome.findElement(By.cssSelector("form.form button[type=submit]")).click();
        new WebDriverWait(chrome, Duration.ofSeconds(15))
                .until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    @Test
    void publicPagesWhenCheckedThenNoViolation() {
        chrome.manage().deleteAllCookies();
        for (var path : new String[] {
            "/login",
            "/login?lang=en",
            "/login?logout",
            "/login?reset",
            "/legal",
            "/accessibility",
            "/help",
            "/reset",
            "/no/such/page",
            "/dev/outbox",
            "/login?lang=fr"
        }) {
            check(path);
        }
    }

    @Test
    void refusalsAndFormErrorsWhenCheckedThenNoViolation() {
        chrome.manage().deleteAllCookies();
        chrome.get(url("/login"));
        chrome.findElement(By.id("username")).sendKeys("someone.unknown");
        chrome.findElement(By.id("password")).sendKeys("wrong");
        chrome.findElement(By.cssSelector("form.form button[type=submit]")).click();
        new WebDriverWait(chrome, Duration.ofSeconds(15))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("login-error")));
        assertThat(Chromium.accessibilityViolations(chrome)).as("login error").isEmpty();

        chrome.get(url("/reset"));
        chrome.findElement(By.cssSelector("form.form button[type=submit]")).click();
        assertThat(Chromium.accessibilityViolations(chrome))
                .as("reset, identifier missing")
                .isEmpty();
        chrome.findElement(By.id("identifier")).sendKeys("lea.simon");
        chrome.findElement(By.cssSelector("form.form button[type=submit]")).click();
        assertThat(Chromium.accessibilityViolations(chrome))
                .as("reset, channels")
                .isEmpty();
        chrome.findElement(By.cssSelector("form.form button[type=submit]")).click();
        chrome.findElement(By.id("code")).sendKeys("00000000");
        chrome.findElement(By.cssSelector("form.form button[type=submit]")).click();
        assertThat(Chromium.accessibilityViolations(chrome))
                .as("reset, wrong code")
                .isEmpty();
    }

    @Test
    void signedInPagesWhenCheckedThenNoViolation() {
        signIn(Demo.CAMILLE);
        for (var path : new String[] {
            "/",
            "/account",
            "/account/password",
            "/account/sessions",
            "/account/charter",
            "/?lang=en",
            "/account/sessions",
            "/account?lang=fr"
        }) {
            check(path);
        }
        chrome.get(url("/account/password"));
        chrome.findElement(By.id("current")).sendKeys("wrong");
        chrome.findElement(By.id("password")).sendKeys("short");
        chrome.findElement(By.cssSelector("form.form button[type=submit]")).click();
        assertThat(Chromium.accessibilityViolations(chrome))
                .as("password change with errors")
                .isEmpty();
    }

    @Test
    void firstSignInStepsWhenCheckedThenNoViolation() {
        signIn(Demo.JULES);
        assertThat(chrome.getCurrentUrl()).contains("/sign-in/password");
        assertThat(Chromium.accessibilityViolations(chrome)).as("new password").isEmpty();
        chrome.findElement(By.id("password")).sendKeys("Le petit train de la voirie");
        chrome.findElement(By.id("confirmation")).sendKeys("Le petit train de la voirie");
        chrome.findElement(By.cssSelector("form.form button[type=submit]")).click();
        new WebDriverWait(chrome, Duration.ofSeconds(15)).until(ExpectedConditions.urlContains("/sign-in/charter"));
        assertThat(Chromium.accessibilityViolations(chrome)).as("charter").isEmpty();
    }
}
