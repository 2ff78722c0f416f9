package org.guichet.testing;

import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * What a person sees: Guichet on a real port with the demo organisation, driven by one headless Chromium per test
 * class (see {@link Chromium}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
@Import(Agents.class)
public abstract class BrowserTest {

    protected static ChromeDriver chrome;

    @LocalServerPort
    protected int port;

    @org.springframework.beans.factory.annotation.Autowired
    private org.springframework.jdbc.core.simple.JdbcClient database;

    @BeforeAll
    static void startBrowser() {
        assumeFalse(Chromium.skipped(), "browser tests skipped by -D" + Chromium.SKIP_PROPERTY + "=true");
        chrome = Chromium.start(1280, 1000);
    }

    @AfterAll
    static void stopBrowser() {
        if (chrome != null) {
            chrome.quit();
            chrome = null;
        }
    }

    protected String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    protected WebDriverWait waiting() {
        return new WebDriverWait(chrome, Duration.ofSeconds(15));
    }

    /** Types the identifier and password into the login form and submits it, from a browser without cookies. */
    protected void submitLogin(String identifier, String password) {
        chrome.manage().deleteAllCookies();
        chrome.get(url("/login"));
        chrome.findElement(By.id("username")).sendKeys(identifier);
        chrome.findElement(By.id("password")).sendKeys(password);
        submit();
    }

    /**
     * Submits a wrong password and waits for the refusal: the next page load would otherwise cancel the submission in
     * flight, and a failure would go uncounted.
     */
    protected void submitRefusedLogin(String identifier, String password) {
        submitLogin(identifier, password);
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("login-error")));
    }

    /** Signs in with the demo password and waits to have left the login page. */
    protected void signIn(String identifier) {
        submitLogin(identifier, Demo.PASSWORD);
        waiting().until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    /**
     * Signs in with the demo password, then the demo authenticator-app code when the second step asks for it, and
     * waits for a page where a complete sign-in lands (the home page, or the remote-access page).
     */
    protected void signInWithApp(String login, java.time.Clock clock) {
        submitLogin(login, Demo.PASSWORD);
        // the redirects after each form pass through other pages: wait for one that has settled
        waiting().until(driver -> driver.getCurrentUrl().contains("/sign-in/second-factor") || settled(driver));
        if (chrome.getCurrentUrl().contains("/sign-in/second-factor")) {
            // a code of the same 30 seconds may already have been used by an earlier sign-in (another test's)
            database.sql(
                            "UPDATE totp_credential SET last_step = NULL WHERE soi = (SELECT soi FROM agent WHERE login = ?)")
                    .param(login)
                    .update();
            chrome.findElement(By.id("code")).sendKeys(Totp.demo(clock.instant()));
            submit();
            waiting().until(BrowserTest::settled);
        }
    }

    /** The home page with its tiles, or the remote-access page: where a complete sign-in lands. */
    protected static boolean settled(org.openqa.selenium.WebDriver driver) {
        return driver.getCurrentUrl().endsWith("/remote-access")
                || !driver.findElements(By.id("services")).isEmpty();
    }

    /**
     * Checks the page with axe-core (nothing may be found), then draws the whole page at phone and at desktop size
     * under {@code target/screenshots/<name>-phone.png} and {@code -desktop.png}; the window is a phone's after.
     */
    protected void accessibleAtBothSizes(String name) {
        org.assertj.core.api.Assertions.assertThat(Chromium.accessibilityViolations(chrome))
                .as(name)
                .isEmpty();
        chrome.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        Chromium.fullPageScreenshot(chrome, name + "-phone");
        chrome.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));
        Chromium.fullPageScreenshot(chrome, name + "-desktop");
        chrome.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
    }

    /** Submits the page's form and waits until the next page replaced it (a page read sooner would be the old one). */
    protected void submit() {
        var button = chrome.findElement(By.cssSelector("form.form button[type=submit]"));
        button.click();
        try {
            new WebDriverWait(chrome, Duration.ofSeconds(10)).until(driver -> {
                try {
                    button.isEnabled();
                    return false;
                } catch (org.openqa.selenium.WebDriverException gone) {
                    // stale, or "does not belong to the document" while the next page comes: the old one is gone
                    return true;
                }
            });
        } catch (org.openqa.selenium.TimeoutException stayed) {
            // the form did not leave the page (a script kept it): the test looks at it as it is
        }
    }
}
