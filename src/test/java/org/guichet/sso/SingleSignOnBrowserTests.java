package org.guichet.sso;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.guichet.testing.BrowserTest;
import org.guichet.testing.Chromium;
import org.guichet.testing.Demo;
import org.guichet.testing.TestData;
import org.guichet.testing.Totp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import relyingparty.DemoRelyingParty;

/**
 * What an agent sees of the single sign-on, in Chromium: a Spring Boot application (Spring Security's OAuth 2.0
 * client) sends them to Guichet, they sign in there, and come back signed in; signing out of Guichet signs them out
 * of the application too (its back-channel logout). From the internet, the GIS is refused with Guichet's own page.
 */
class SingleSignOnBrowserTests extends BrowserTest {

    private static final String SECRET = "a-secret-of-the-browser-test-application";

    @Autowired
    Applications applications;

    @Autowired
    org.guichet.testing.Agents agents;

    @Autowired
    Clock clock;

    private ConfigurableApplicationContext application;

    @AfterEach
    void stopApplication() {
        if (application != null) {
            application.close();
        }
        chrome.manage().window().setSize(new Dimension(1280, 1000));
    }

    private String startApplication(String clientId) throws IOException {
        int applicationPort = org.guichet.testing.FreePorts.next();
        var at = "http://127.0.0.1:" + applicationPort;
        applications.register(
                new Application(
                        clientId,
                        "SIG (essai)",
                        "gis",
                        true,
                        List.of(at + "/login/oauth2/code/guichet"),
                        List.of(),
                        Set.of("openid", "profile", "email", "roles"),
                        Duration.ofMinutes(5),
                        Duration.ofHours(8),
                        at + "/logout/connect/back-channel/guichet",
                        true),
                SECRET,
                null);
        application = DemoRelyingParty.start(applicationPort, url(""), clientId, SECRET);
        return at;
    }

    private void from(String address) {
        chrome.manage().deleteAllCookies();
        chrome.executeCdpCommand("Network.enable", Map.of());
        chrome.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of("X-Forwarded-For", address)));
    }

    @Test
    void signInWhenTheApplicationSendsTheAgentThenTheyComeBackSignedInAndGuichetsSignOutEndsIt() throws IOException {
        var at = startApplication("browser-rp-" + System.nanoTime() % 1_000_000);
        from(TestData.officeAddress());

        chrome.get(at + "/");
        waiting().until(ExpectedConditions.urlContains("/login"));
        assertThat(chrome.getCurrentUrl()).startsWith(url("/login"));
        chrome.findElement(By.id("username")).sendKeys(Demo.CAMILLE);
        chrome.findElement(By.id("password")).sendKeys(Demo.PASSWORD);
        submit();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("welcome")));

        assertThat(chrome.getCurrentUrl()).startsWith(at + "/");
        assertThat(chrome.findElement(By.id("welcome")).getText()).isEqualTo("Bonjour Camille Martin");
        assertThat(chrome.findElement(By.id("claim-sub")).getText()).isEqualTo(Demo.CAMILLE_SOI);
        assertThat(chrome.findElement(By.id("claim-amr")).getText()).isEqualTo("[pwd]");
        assertThat(chrome.findElement(By.id("claim-channel")).getText()).isEqualTo("internal");
        Chromium.screenshot(chrome, "sso-application-signed-in");
        chrome.get(url("/account/sessions"));
        assertThat(chrome.findElement(By.cssSelector(".session__applications")).getText())
                .contains("SIG (essai)");
        assertThat(Chromium.accessibilityViolations(chrome)).isEmpty();
        Chromium.screenshot(chrome, "sso-my-sessions-desktop");
        chrome.manage().window().setSize(new Dimension(390, 844));
        chrome.navigate().refresh();
        assertThat(Chromium.accessibilityViolations(chrome)).isEmpty();
        chrome.executeScript(
                "arguments[0].scrollIntoView()", chrome.findElement(By.cssSelector(".session__applications")));
        Chromium.screenshot(chrome, "sso-my-sessions-phone");
        chrome.manage().window().setSize(new Dimension(1280, 1000));

        chrome.get(url("/"));
        chrome.findElement(By.cssSelector("form[action='/logout'] button")).click();
        waiting().until(ExpectedConditions.urlContains("/login"));
        // the application's own session ended by Guichet's back-channel logout: it sends the agent to sign in again
        waiting().until(driver -> {
            driver.get(at + "/");
            return driver.getCurrentUrl().startsWith(url("/login"));
        });
    }

    @Test
    void authorizeWhenFromTheInternetThenGuichetsPageSaysWhyAndWhatToDoOnAPhoneAndADesktop() throws IOException {
        var at = startApplication("browser-rp-" + System.nanoTime() % 1_000_000);
        var person = agents.create().named("Inès").withTotp().withRemoteAccess().build();
        from(TestData.address());

        chrome.get(at + "/");
        waiting().until(ExpectedConditions.urlContains("/login"));
        chrome.findElement(By.id("username")).sendKeys(person.login());
        chrome.findElement(By.id("password")).sendKeys(Demo.PASSWORD);
        submit();
        waiting().until(ExpectedConditions.urlContains("/sign-in/second-factor"));
        chrome.findElement(By.id("code")).sendKeys(Totp.demo(clock.instant()));
        submit();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".refusal")));

        assertThat(chrome.getCurrentUrl()).startsWith(url("/oauth2/authorize"));
        assertThat(chrome.findElement(By.cssSelector(".refusal")).getAttribute("data-reason"))
                .isEqualTo("CHANNEL_NOT_ALLOWED");
        assertThat(chrome.findElement(By.tagName("main")).getText())
                .contains("réseau de la ville")
                .contains("Référence");
        assertThat(Chromium.accessibilityViolations(chrome)).isEmpty();
        Chromium.screenshot(chrome, "sso-refused-from-the-internet-desktop");
        chrome.manage().window().setSize(new Dimension(390, 844));
        chrome.navigate().refresh();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".refusal")));
        assertThat(Chromium.accessibilityViolations(chrome)).isEmpty();
        Chromium.screenshot(chrome, "sso-refused-from-the-internet-phone");
    }

    @Test
    void applicationsPageWhenAnAdministratorRegistersOneThenItsSecretIsShownOnceOnAPhoneAndADesktop() {
        var admin = agents.create().named("Nora").withRoles("ADMIN").withTotp().build();
        from(TestData.officeAddress());
        signInWithApp(admin.login(), clock);
        chrome.get(url("/admin/applications"));
        chrome.findElement(By.id("clientId")).sendKeys("X");
        chrome.findElement(By.cssSelector("#register button[type=submit]")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("error-summary")));
        assertThat(Chromium.accessibilityViolations(chrome)).isEmpty();
        Chromium.screenshot(chrome, "sso-applications-refused-desktop");

        chrome.findElement(By.id("clientId")).clear();
        chrome.findElement(By.id("clientId")).sendKeys("salles-" + System.nanoTime() % 1_000_000);
        chrome.findElement(By.id("name")).sendKeys("Réservation des salles");
        new org.openqa.selenium.support.ui.Select(chrome.findElement(By.id("serviceId"))).selectByValue("gis");
        chrome.findElement(By.id("redirectUris")).sendKeys("https://salles.ville.example/login/oauth2/code/guichet");
        chrome.findElement(By.cssSelector("#register button[type=submit]")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("secret")));
        assertThat(chrome.findElement(By.cssSelector("#secret code")).getText()).hasSizeGreaterThan(40);
        assertThat(Chromium.accessibilityViolations(chrome)).isEmpty();
        Chromium.screenshot(chrome, "sso-applications-secret-desktop");
        chrome.manage().window().setSize(new Dimension(390, 844));
        assertThat(Chromium.accessibilityViolations(chrome)).isEmpty();
        Chromium.screenshot(chrome, "sso-applications-secret-phone");
    }
}
