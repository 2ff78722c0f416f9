package org.guichet.platform;

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

/** Every page, in French and English, passes axe-core's WCAG 2.1 A and AA rules in a real browser. */
class AccessibilityBrowserTests extends BrowserTest {

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

    private void check(String path) {
        chrome.get(url(path));
        assertThat(Chromium.accessibilityViolations(chrome)).as(path).isEmpty();
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
        submitLogin("someone.unknown", "wrong");
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("login-error")));
        assertThat(Chromium.accessibilityViolations(chrome)).as("login error").isEmpty();

        chrome.get(url("/reset"));
        submit();
        assertThat(Chromium.accessibilityViolations(chrome))
                .as("reset, identifier missing")
                .isEmpty();
        chrome.findElement(By.id("identifier")).sendKeys("lea.simon");
        submit();
        assertThat(Chromium.accessibilityViolations(chrome))
                .as("reset, channels")
                .isEmpty();
        submit();
        chrome.findElement(By.id("code")).sendKeys("00000000");
        submit();
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
        // a wrong current password counts a failure: on an agent of the test's own
        signIn(agents.create().build().login());
        chrome.get(url("/account/password"));
        chrome.findElement(By.id("current")).sendKeys("wrong");
        chrome.findElement(By.id("password")).sendKeys("short");
        submit();
        assertThat(Chromium.accessibilityViolations(chrome))
                .as("password change with errors")
                .isEmpty();
    }

    @Test
    void firstSignInStepsWhenCheckedThenNoViolation() {
        signIn(newcomer.login());
        assertThat(chrome.getCurrentUrl()).contains("/sign-in/password");
        assertThat(Chromium.accessibilityViolations(chrome)).as("new password").isEmpty();
        chrome.findElement(By.id("password")).sendKeys("Le petit train de la voirie");
        chrome.findElement(By.id("confirmation")).sendKeys("Le petit train de la voirie");
        submit();
        waiting().until(ExpectedConditions.urlContains("/sign-in/charter"));
        assertThat(Chromium.accessibilityViolations(chrome)).as("charter").isEmpty();
    }
}
