package org.guichet.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.guichet.directory.DirectoryManagement;
import org.guichet.testing.Agents;
import org.guichet.testing.BrowserTest;
import org.guichet.testing.Chromium;
import org.guichet.testing.Demo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A passkey, for real: Chromium's virtual authenticator (the DevTools WebAuthn domain) plays the agent's device. An
 * agent with a sensitive profile and no factor enrols a passkey at their first sign-in, then signs in with it as the
 * second factor. Passkeys are bound to {@code http://localhost:<port>}, so this test browses there rather than to
 * 127.0.0.1, on a port chosen before the server starts, so that the configuration knows it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class PasskeyBrowserTests extends BrowserTest {

    @Autowired
    Agents agents;

    private static final int PORT = org.guichet.testing.FreePorts.next();

    @DynamicPropertySource
    static void serverPort(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
    }

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    DirectoryManagement directory;

    private String authenticator;

    @BeforeEach
    void virtualAuthenticator() {
        chrome.executeCdpCommand("WebAuthn.enable", Map.of());
        var added = chrome.executeCdpCommand(
                "WebAuthn.addVirtualAuthenticator",
                Map.of(
                        "options",
                        Map.of(
                                "protocol", "ctap2",
                                "transport", "internal",
                                "hasResidentKey", true,
                                "hasUserVerification", true,
                                "isUserVerified", true,
                                "automaticPresenceSimulation", true)));
        authenticator = (String) added.get("authenticatorId");
    }

    @AfterEach
    void removeAuthenticator() {
        chrome.executeCdpCommand("WebAuthn.removeVirtualAuthenticator", Map.of("authenticatorId", authenticator));
    }

    private String local(String path) {
        return "http://localhost:" + port + path;
    }

    private void signInHere(String identifier) {
        chrome.manage().deleteAllCookies();
        chrome.get(local("/login"));
        chrome.findElement(By.id("username")).sendKeys(identifier);
        chrome.findElement(By.id("password")).sendKeys(Demo.PASSWORD);
        submit();
    }

    @Test
    void passkeyWhenRegisteredAtEnrolmentThenItSignsTheAgentIn() {
        var soi = agents.create().named("Salomé").sensitive().build().block().soi(1);

        signInHere(soi);
        waiting().until(ExpectedConditions.urlContains("/sign-in/enrol"));
        assertThat(Chromium.accessibilityViolations(chrome))
                .as("enrolment page")
                .isEmpty();
        var label = chrome.findElement(By.id("passkey-label"));
        label.clear();
        label.sendKeys("Ordinateur du bureau");
        chrome.findElement(By.id("passkey-register")).click();

        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "codes de secours"));
        assertThat(chrome.findElements(By.cssSelector(".recovery-codes li"))).hasSize(10);
        assertThat(Chromium.accessibilityViolations(chrome))
                .as("recovery codes page")
                .isEmpty();
        @SuppressWarnings("unchecked")
        var credentials = (List<Object>)
                chrome.executeCdpCommand("WebAuthn.getCredentials", Map.of("authenticatorId", authenticator))
                        .get("credentials");
        assertThat(credentials).as("the passkey lives in the authenticator").hasSize(1);
        chrome.findElement(By.linkText("J’ai mis mes codes en lieu sûr, continuer"))
                .click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Salomé"));

        signInHere(soi);
        waiting().until(ExpectedConditions.urlContains("/sign-in/second-factor"));
        assertThat(chrome.findElement(By.id("passkey-use")).getText()).isEqualTo("Utiliser ma clé d’accès");
        assertThat(Chromium.accessibilityViolations(chrome))
                .as("second-factor page")
                .isEmpty();
        chrome.findElement(By.id("passkey-use")).click();

        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Salomé"));
        chrome.get(local("/account/factors"));
        assertThat(chrome.findElement(By.tagName("main")).getText()).contains("Clé d’accès", "Ordinateur du bureau");
        assertThat(Chromium.accessibilityViolations(chrome)).as("factors page").isEmpty();
        assertThat(jdbc.sql(
                                "SELECT COUNT(*) FROM user_credentials c JOIN user_entities u ON u.id = c.user_entity_user_id"
                                        + " WHERE u.name = ? AND c.last_used > c.created")
                        .param(soi)
                        .query(Integer.class)
                        .single())
                .as("used to sign in")
                .isEqualTo(1);
    }
}
