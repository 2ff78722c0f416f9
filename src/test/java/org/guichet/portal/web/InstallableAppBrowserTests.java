package org.guichet.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.guichet.testing.BrowserTest;
import org.guichet.testing.Chromium;
import org.guichet.testing.Demo;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The portal as an installable app, in a real Chromium: its manifest names it, with its icons; its service worker
 * keeps the application's shell and nothing else (after payslips were listed and one downloaded, no cache holds a
 * page, an API answer or a document); the page it shows offline says so in both languages. Installing itself is the browser's.
 */
class InstallableAppBrowserTests extends BrowserTest {

    @SuppressWarnings("unchecked")
    private <T> T async(String script) {
        return (T) chrome.executeAsyncScript(
                "const done = arguments[arguments.length - 1];" + script + ".then(done, e => done('ERROR ' + e));");
    }

    @Test
    void appWhenInstalledThenTheManifestNamesItAndTheServiceWorkerNeverKeepsAPayslip() {
        chrome.manage().window().setSize(new Dimension(390, 844));
        signIn(Demo.CAMILLE);
        chrome.get(url("/"));

        // the manifest, as the browser finds it
        Map<String, Object> manifest = async("fetch(document.querySelector('link[rel=manifest]').href)"
                + ".then(r => r.ok && r.headers.get('Content-Type').startsWith('application/manifest+json')"
                + " ? r.json() : {})");
        assertThat(manifest)
                .containsEntry("short_name", "Guichet")
                .containsEntry("start_url", "/")
                .containsEntry("display", "standalone");
        assertThat((List<Map<String, Object>>) (List<?>) manifest.get("icons"))
                .extracting(icon -> icon.get("sizes"))
                .contains("192x192", "512x512");

        // the service worker, active and in control of the page once it is reloaded
        String worker = async("navigator.serviceWorker.ready.then(r => r.active.scriptURL)");
        assertThat(worker).endsWith("/sw.js");
        chrome.navigate().refresh();
        String controlled = async("Promise.resolve(navigator.serviceWorker.controller"
                + " ? navigator.serviceWorker.controller.scriptURL : 'none')");
        assertThat(controlled).endsWith("/sw.js");

        // payslips listed, one downloaded, the API read: through the service worker
        chrome.get(url("/payslips"));
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("a[href$='/pdf']")));
        var pdf = chrome.findElement(By.cssSelector("a[href$='/pdf']")).getAttribute("href");
        String fetched = async("Promise.all([fetch('" + pdf + "'), fetch('/api/v1/payslips',"
                + " {headers: {Accept: 'application/json'}})]).then(rs => rs.map(r => r.status).join(','))");
        assertThat(fetched).isEqualTo("200,200");

        // what the caches hold: the shell, and nothing an agent's session produced
        List<String> kept = async("caches.keys().then(names => Promise.all(names.map(name => caches.open(name)"
                + ".then(cache => cache.keys())))).then(all => all.flat().map(r => new URL(r.url).pathname))");
        assertThat(kept).contains("/offline.html", "/css/guichet.css");
        assertThat(kept)
                .allSatisfy(path -> assertThat(path)
                        .matches("/offline\\.html|/(css|js|images|icons)/.+")
                        .doesNotContain("payslip"));

        // the page the service worker answers a navigation with when the network fails (kept above): in both
        // languages, nothing personal in it (DevTools' offline emulation does not reach a service worker, so the
        // fallback itself is not driven here)
        chrome.get(url("/offline.html"));
        assertThat(chrome.findElement(By.id("offline")).getText())
                .contains("Vous êtes hors connexion", "You are offline", "jamais gardés")
                .doesNotContain("Camille");
        assertThat(Chromium.accessibilityViolations(chrome)).isEmpty();
        Chromium.fullPageScreenshot(chrome, "installable-offline-phone");
    }
}
