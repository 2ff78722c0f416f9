package org.guichet.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Map;
import org.guichet.testing.Agents;
import org.guichet.testing.BrowserTest;
import org.guichet.testing.Chromium;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * What an agent sees of access decisions: Camille Martin's home page from the internet, with the GIS closed and its
 * explanation and remedy; the refusal page of the GIS; the remote-access page; the connection check; the approvals
 * page. Each passes axe-core's WCAG 2.1 A and AA rules; screenshots land in {@code target/screenshots/}.
 */
class AccessBrowserTests extends BrowserTest {

    private static final String INTERNET = "203.0.113.7";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    Clock clock;

    @Autowired
    Agents agents;

    @BeforeEach
    void freshCodes() {
        jdbc.sql("UPDATE totp_credential SET last_step = NULL").update();
    }

    @AfterEach
    void backToTheOffice() {
        chrome.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of()));
    }

    private void from(String address) {
        chrome.manage().deleteAllCookies();
        chrome.get(url("/login"));
        chrome.executeCdpCommand("Network.enable", Map.of());
        chrome.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of("X-Forwarded-For", address)));
    }

    private void signInWithApp(String login) {
        signInWithApp(login, clock);
    }

    private void accessible(String name) {
        assertThat(Chromium.accessibilityViolations(chrome)).as(name).isEmpty();
        Chromium.screenshot(chrome, name);
    }

    @Test
    void homeWhenCamilleFromTheInternetThenTheGisTileIsClosedWithItsReasonAndRemedy() {
        from(INTERNET);
        signInWithApp("camille.martin");
        chrome.get(url("/?lang=fr"));
        assertThat(chrome.getCurrentUrl()).as(chrome::getPageSource).endsWith("/?lang=fr");

        var gis = chrome.findElement(By.id("service-gis"));
        assertThat(gis.getAttribute("data-allowed")).isEqualTo("false");
        assertThat(gis.getText())
                .contains("Système d’information géographique", "Pas depuis ce réseau")
                .contains("n’est pas accessible depuis internet", "le réseau de la ville ou le VPN");
        assertThat(gis.findElement(By.className("tile__remedy")).getAttribute("href"))
                .endsWith("/check");
        assertThat(chrome.findElement(By.id("service-payslips")).getAttribute("data-allowed"))
                .isEqualTo("true");
        assertThat(chrome.findElement(By.id("channel-line")).getText()).contains("internet");
        accessible("access-home-internet");

        chrome.get(url("/services/gis"));
        var refusal = chrome.findElement(By.className("refusal"));
        assertThat(refusal.getAttribute("data-reason")).isEqualTo("CHANNEL_NOT_ALLOWED");
        assertThat(refusal.getText()).contains("Référence à donner à l’assistance");
        accessible("access-refused-gis");

        chrome.get(url("/hr"));
        assertThat(chrome.findElement(By.className("refusal")).getAttribute("data-reason"))
                .isEqualTo("ROLE_REQUIRED");
        assertThat(chrome.findElement(By.tagName("h1")).getText().replace('\u00a0', ' '))
                .isEqualTo("Le service « Gestion RH » ne vous est pas ouvert");

        chrome.get(url("/?lang=en"));
        assertThat(chrome.findElement(By.id("service-gis")).getText())
                .contains("Geographic information system", "cannot be reached from the internet");
        accessible("access-home-internet-en");

        chrome.get(url("/check?lang=fr"));
        waiting().until(driver -> driver.findElement(By.id("check-clock")).isDisplayed());
        assertThat(chrome.findElement(By.id("check-channel")).getText()).contains("internet", INTERNET);
        assertThat(chrome.findElement(By.id("check-remote-access")).getText()).contains("actif");
        accessible("access-check-signed-in");
    }

    @Test
    void remoteAccessPageWhenNoProfileFromTheInternetThenExplainedAndAccessible() {
        var ines = agents.create().named("Inès").withTotp().build();
        from(INTERNET);
        signInWithApp(ines.login());

        assertThat(chrome.getCurrentUrl()).endsWith("/remote-access");
        assertThat(chrome.findElement(By.className("refusal")).getAttribute("data-reason"))
                .isEqualTo("NOMADIC_PROFILE_MISSING");
        accessible("access-remote-access-missing");
        submit();
        waiting()
                .until(org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated(
                        By.id("error-summary")));
        assertThat(chrome.findElement(By.id("error-summary")).getText()).contains("Dites pourquoi");
        accessible("access-remote-access-error");
    }

    @Test
    void checkAndApprovalsWhenVisitedThenAccessible() {
        chrome.manage().deleteAllCookies();
        chrome.get(url("/check"));
        assertThat(chrome.findElement(By.id("check-channel")).getText()).contains("réseau de la ville");
        accessible("access-check-anonymous");

        signInWithApp("lucas.bernard");
        chrome.get(url("/approvals"));
        assertThat(chrome.findElement(By.tagName("h1")).getText()).isEqualTo("À valider");
        accessible("access-approvals");
    }
}
