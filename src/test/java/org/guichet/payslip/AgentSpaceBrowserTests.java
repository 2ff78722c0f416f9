package org.guichet.payslip;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.guichet.testing.BrowserTest;
import org.guichet.testing.Chromium;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The agent space as a person sees it: Camille Martin downloads her payslip, then uses the leave page on a phone-sized
 * window (nothing wider than the screen, the refusal next to its field). Each page passes axe-core's WCAG 2.1 A and AA
 * rules; screenshots land in {@code target/screenshots/}.
 */
class AgentSpaceBrowserTests extends BrowserTest {

    @Test
    void payslipWhenDownloadedThenSavedAsAPdfUnderItsName() throws Exception {
        var downloads = Files.createTempDirectory("guichet-downloads");
        chrome.executeCdpCommand(
                "Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath", downloads.toString()));
        chrome.manage().window().setSize(new Dimension(1280, 1000));
        signIn("camille.martin");
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("news")));
        assertThat(Chromium.accessibilityViolations(chrome)).isEmpty();
        Chromium.screenshot(chrome, "agent-home");

        chrome.get(url("/payslips"));
        var link = chrome.findElement(By.cssSelector("#payslips a.download"));
        var period = chrome.findElement(By.cssSelector("#payslips tbody tr")).getAttribute("data-period");
        assertThat(Chromium.accessibilityViolations(chrome)).isEmpty();
        Chromium.screenshot(chrome, "payslips");
        link.click();

        var file = downloads.resolve("bulletin-de-paie-" + period + ".pdf");
        new WebDriverWait(chrome, Duration.ofSeconds(15)).until(driver -> Files.isRegularFile(file) && size(file) > 0);
        assertThat(new String(Files.readAllBytes(file), 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");
        assertThat(PayslipTests.text(Files.readAllBytes(file))).contains("Camille Martin");
    }

    @Test
    void leaveWhenOnAPhoneThenFitsTheScreenAndExplainsARefusalNextToTheField() {
        chrome.manage().window().setSize(new Dimension(390, 844));
        signIn("camille.martin");
        chrome.get(url("/leave"));
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("balances")));
        assertThat(fitsTheScreen()).as("no horizontal scrolling of the page").isTrue();
        assertThat(Chromium.accessibilityViolations(chrome)).isEmpty();
        Chromium.screenshot(chrome, "leave-phone");

        var nextYear = java.time.LocalDate.now().getYear() + 1;
        type("start", nextYear + "-03-10");
        type("end", nextYear + "-03-09");
        chrome.findElement(By.cssSelector("#leave-form button[type=submit]")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("end-error")));
        assertThat(chrome.findElement(By.id("end-error")).getText()).contains("Le dernier jour est avant le premier");
        assertThat(chrome.findElement(By.id("end")).getAttribute("aria-invalid"))
                .isEqualTo("true");
        assertThat(fitsTheScreen()).isTrue();
        assertThat(Chromium.accessibilityViolations(chrome)).isEmpty();
        Chromium.screenshot(chrome, "leave-phone-refusal");

        chrome.get(url("/schedule"));
        assertThat(fitsTheScreen()).isTrue();
        assertThat(Chromium.accessibilityViolations(chrome)).isEmpty();
        Chromium.screenshot(chrome, "schedule-phone");
    }

    /** Sets a date input's value as the browser's date picker would (typing into it depends on the locale). */
    private void type(String id, String isoDate) {
        chrome.executeScript(
                "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change'))",
                chrome.findElement(By.id(id)),
                isoDate);
    }

    /** Whether the page scrolls sideways (wide tables scroll inside their own region, the page does not). */
    private boolean fitsTheScreen() {
        return (Boolean) chrome.executeScript(
                "return document.documentElement.scrollWidth <= document.documentElement.clientWidth");
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (java.io.IOException e) {
            return 0;
        }
    }
}
