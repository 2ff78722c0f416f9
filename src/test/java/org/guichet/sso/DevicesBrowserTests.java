package org.guichet.sso;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Map;
import org.guichet.testing.Agents;
import org.guichet.testing.BrowserTest;
import org.guichet.testing.TestData;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The agent's devices as a person sees them: "My sessions" lists the phone app's installation, which the agent revokes
 * there on a phone; the helpdesk sees it in the console. Axe-checked, drawn at phone and desktop size.
 */
class DevicesBrowserTests extends BrowserTest {

    @Autowired
    Agents agents;

    @Autowired
    Clock clock;

    @Test
    void devicesWhenTheAppIsSignedInThenListedAndRevokedFromMySessionsOnAPhone() throws Exception {
        var person = agents.create().named("Inès").build();
        var app = new MobileApp(port);
        var tokens = app.signIn(
                person.login(), "openid offline_access payslips.read", TestData.officeAddress(), Map.of(), true);
        assertThat(tokens.indicatesSuccess()).isTrue();

        // the helpdesk sees it in the console
        signInWithApp("hugo.robert", clock);
        chrome.manage().window().setSize(new Dimension(390, 844));
        chrome.get(url("/support/agents/" + person.soi()));
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("devices")));
        assertThat(chrome.findElement(By.id("devices")).getText()).contains(MobileApp.DEVICE);
        accessibleAtBothSizes("devices-helpdesk");

        // the agent, on a phone: "My sessions" lists it, and revokes it
        chrome.manage().deleteAllCookies();
        signIn(person.login());
        chrome.get(url("/account/sessions"));
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("devices")));
        assertThat(chrome.findElement(By.cssSelector("main")).getText())
                .contains(MobileApp.DEVICE + " (Android)", "Guichet mobile");
        accessibleAtBothSizes("devices-my-sessions");
        var page = chrome.findElement(By.tagName("html"));
        chrome.findElement(By.cssSelector("form[action*='/account/devices/'] button"))
                .click();
        waiting().until(ExpectedConditions.stalenessOf(page));
        assertThat(chrome.findElement(By.id("device-revoked")).getText()).contains("révoqué");
        assertThat(chrome.findElements(By.id("devices"))).isEmpty();
    }
}
