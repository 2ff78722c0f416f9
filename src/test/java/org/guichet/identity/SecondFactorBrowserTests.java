package org.guichet.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Map;
import org.guichet.directory.DirectoryManagement;
import org.guichet.testing.Agents;
import org.guichet.testing.BrowserTest;
import org.guichet.testing.Chromium;
import org.guichet.testing.TestData;
import org.guichet.testing.Totp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The second-factor pages as a person sees them, in French and English: the second step, the enrolment page away
 * from the office, the factors and mobile pages, the authenticator-app page with its QR code. Each passes axe-core's
 * WCAG 2.1 A and AA rules; screenshots land in {@code target/screenshots/}.
 */
class SecondFactorBrowserTests extends BrowserTest {

    @Autowired
    Agents agents;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    DirectoryManagement directory;

    @Autowired
    Clock clock;

    @BeforeEach
    void freshCodes() {
        jdbc.sql("UPDATE totp_credential SET last_step = NULL WHERE soi = '1000003'")
                .update();
    }

    @AfterEach
    void backToTheOffice() {
        chrome.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of()));
    }

    private void accessible(String name) {
        assertThat(Chromium.accessibilityViolations(chrome)).as(name).isEmpty();
        Chromium.screenshot(chrome, name);
    }

    @Test
    void pagesOfAnAgentWithAnAppWhenCheckedThenAccessibleInBothLanguages() {
        submitLogin("ines.petit", org.guichet.testing.Demo.PASSWORD);
        waiting().until(ExpectedConditions.urlContains("/sign-in/second-factor"));
        accessible("mfa-second-step");
        chrome.get(url("/sign-in/second-factor?lang=en"));
        assertThat(chrome.findElement(By.tagName("h1")).getText()).isEqualTo("Second step of sign-in");
        accessible("mfa-second-step-en");
        chrome.findElement(By.id("code")).sendKeys("000000");
        submit();
        assertThat(waiting()
                        .until(ExpectedConditions.visibilityOfElementLocated(By.id("error-summary")))
                        .getText())
                .contains("This code is not right");
        accessible("mfa-second-step-error-en");

        chrome.findElement(By.id("code")).sendKeys(Totp.demo(clock.instant()));
        submit();
        waiting().until(ExpectedConditions.not(ExpectedConditions.urlContains("/sign-in/")));
        chrome.get(url("/account/factors?lang=fr"));
        assertThat(chrome.findElement(By.tagName("main")).getText()).contains("Application d’authentification", "Démo");
        accessible("mfa-factors");
        chrome.get(url("/account/factors/app"));
        assertThat(chrome.findElement(By.cssSelector(".qr-frame svg")).isDisplayed())
                .isTrue();
        accessible("mfa-add-app");
        chrome.get(url("/account/mobile"));
        accessible("mfa-mobile");
        chrome.get(url("/account/mobile/change"));
        chrome.findElement(By.id("number")).sendKeys("01 23 45 67 89");
        submit();
        assertThat(waiting()
                        .until(ExpectedConditions.visibilityOfElementLocated(By.id("error-summary")))
                        .getText())
                .contains("numéro de mobile");
        accessible("mfa-mobile-change-error");
    }

    @Test
    void enrolmentPageWhenNoFactorFromTheInternetThenTheTwoWaysAreAccessible() {
        var soi = agents.create().named("Théo").build().block().soi(1);
        chrome.manage().deleteAllCookies();
        chrome.get(url("/login"));
        chrome.executeCdpCommand("Network.enable", Map.of());
        chrome.executeCdpCommand(
                "Network.setExtraHTTPHeaders", Map.of("headers", Map.of("X-Forwarded-For", TestData.address())));

        submitLogin(soi, org.guichet.testing.Demo.PASSWORD);
        waiting().until(ExpectedConditions.urlContains("/sign-in/enrol"));
        assertThat(chrome.findElement(By.tagName("main")).getText()).contains("Deux façons de continuer");
        accessible("mfa-enrol-two-ways");
        chrome.findElement(By.id("code")).sendKeys("AAAA-BBBB-CCCC");
        submit();
        assertThat(waiting()
                        .until(ExpectedConditions.visibilityOfElementLocated(By.id("error-summary")))
                        .getText())
                .contains("code d’enrôlement");
        accessible("mfa-enrol-code-error");
    }
}
