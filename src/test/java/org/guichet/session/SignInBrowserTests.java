package org.guichet.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.guichet.testing.Agents;
import org.guichet.testing.BrowserTest;
import org.guichet.testing.Chromium;
import org.guichet.testing.Demo;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/** What a person sees, in a real browser: Camille signs in and is greeted by name. */
class SignInBrowserTests extends BrowserTest {

    @Autowired
    Agents agents;

    @Test
    void signInWhenCamilleThenHerNameInHeaderAndPage() {
        chrome.manage().deleteAllCookies();
        chrome.get(url("/"));

        var wait = waiting();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        assertThat(chrome.getCurrentUrl()).endsWith("/login");
        assertThat(chrome.findElement(By.tagName("h1")).getText()).isEqualTo("Se connecter à Guichet");
        Chromium.screenshot(chrome, "login");

        chrome.findElement(By.id("username")).sendKeys(Demo.CAMILLE);
        chrome.findElement(By.id("password")).sendKeys(Demo.PASSWORD);
        submit();

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("agent-name")));
        assertThat(chrome.findElement(By.cssSelector(".account__name")).getText())
                .isEqualTo("Camille Martin");
        assertThat(chrome.findElement(By.id("agent-name")).getText()).isEqualTo("Camille Martin");
        assertThat(chrome.findElement(By.tagName("h1")).getText()).isEqualTo("Bonjour Camille");
        Chromium.screenshot(chrome, "home-camille");
    }

    @Test
    void signInWhenWrongPasswordThenMessageAnnounced() {
        // a wrong password counts a failure: on an agent of the test's own, not on the README's Camille
        submitLogin(agents.create().build().login(), "wrong password");

        var error = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("login-error")));
        assertThat(error.getAttribute("role")).isEqualTo("alert");
        assertThat(error.getText()).contains("Identifiant ou mot de passe incorrect");
    }
}
