package org.guichet.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.guichet.request.RequestManagement;
import org.guichet.testing.Agents;
import org.guichet.testing.BrowserTest;
import org.guichet.testing.Demo;
import org.guichet.testing.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.HtmlUtils;

/**
 * Looking is part of the work: every page of the product, as each demo role would see it, at desktop (1280×900) and
 * phone (390×800) size, in French and English, saved to {@code target/screenshots/gallery/} with an {@code index.html}
 * to look through. It fails on what a computed-style check can catch: a text field narrower than 60 % of its form (up
 * to the readable measure) on a desktop, a pristine field drawn in the error colour, a phone page whose content starts
 * below 35 % of the screen or that scrolls sideways, text overflowing its box, a page that answers 5xx. Pages come from
 * the application's own request mappings: a new page that nobody looks at fails the test.
 */
class PageGalleryBrowserTests extends BrowserTest {

    private static final Path GALLERY = Path.of("target", "screenshots", "gallery");

    private record Size(String name, int width, int height, boolean mobile) {}

    private static final List<Size> SIZES =
            List.of(new Size("desktop", 1280, 900, false), new Size("phone", 390, 800, true));

    private static final List<String> LANGUAGES = List.of("fr", "en");

    /** The HTML pages that are not pages a person is shown (files, redirects, the error controller). */
    private static final Set<String> NOT_SHOWN = Set.of(
            "/error",
            "/payslips/{id}/pdf",
            "/schedule/calendar.ics",
            "/leave/calendar.ics",
            "/sign-in/continue",
            // the reverse proxy's decision (headers, no page) and the way back to a published application (a redirect)
            "/auth/forward",
            "/auth/return",
            // the webmail's pages need a mail server: MailBrowserTests draws them against a real Dovecot (both sizes,
            // both languages, axe-checked)
            "/mail",
            "/mail/messages/{id}",
            "/mail/messages/{id}/attachments/{part}");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    Clock clock;

    @Autowired
    RequestManagement requests;

    @Autowired
    org.guichet.helpline.Conversations conversations;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private final List<String> problems = new ArrayList<>();
    private final Set<String> covered = new TreeSet<>();
    private final Map<String, List<String[]>> shots = new LinkedHashMap<>();

    @Autowired
    Agents agents;

    @AfterEach
    void plainClient() {
        clearForwardedFor();
    }

    @Test
    void everyPageWhenDrawnThenItsScreenshotsAndNoVisualRegression() throws IOException {
        Files.createDirectories(GALLERY);
        // the README's accounts are read-only here: what the gallery files, a new agent and an applicant of its own do
        var newcomer = agents.create()
                .named("Jules")
                .mustChangePassword()
                .withoutCharter()
                .build();
        var applicant = agents.create().named("Camille").build();
        var certificate = requests.submit(applicant.id(), "EMPLOYMENT_CERTIFICATE", Map.of());
        requests.submit(applicant.id(), "SALARY_CERTIFICATE", Map.of("from", "2026-01-01", "to", "2026-06-30"));

        // a visitor
        chrome.manage().deleteAllCookies();
        visit("visitor", "/login", "/login");
        visit("visitor", "/legal", "/legal");
        visit("visitor", "/accessibility", "/accessibility");
        visit("visitor", "/help", "/help");
        visit("visitor", "/check", "/check");
        visit("visitor", "/reset", "/reset");
        visit("visitor", "/reset/send", "/reset/send");
        visit("visitor", "/reset/code", "/reset/code");
        visit("visitor", "/reset/password", "/reset/password");
        visit("visitor", "/dev/outbox", "/dev/outbox");
        visit("visitor", "/help/write", "/help/write");
        visit(
                "visitor",
                "/verify/{reference}",
                "/verify/" + certificate.documents().getFirst().reference());
        visit("visitor", "(not found)", "/no/such/page");

        // the steps of a sign-in: the second factor (ines.petit), a new password and the charter (a new agent)
        submitLogin("ines.petit", Demo.PASSWORD);
        visit("ines.petit", "/sign-in/second-factor", "/sign-in/second-factor");
        visit("ines.petit", "/reset/second-factor", "/reset/second-factor");
        submitLogin(newcomer.login(), Demo.PASSWORD);
        visit("jules.garcia", "/sign-in/password", "/sign-in/password");
        chrome.get(url("/sign-in/password?lang=fr"));
        chrome.findElement(By.id("password")).sendKeys("Le petit train de la voirie");
        chrome.findElement(By.id("confirmation")).sendKeys("Le petit train de la voirie");
        submit();
        visit("jules.garcia", "/sign-in/charter", "/sign-in/charter");

        // from the internet without a second factor: the enrolment step (theo.moreau)
        forwardedFor(TestData.address());
        submitLogin("theo.moreau", Demo.PASSWORD);
        visit("theo.moreau, internet", "/sign-in/enrol", "/sign-in/enrol");
        visit("theo.moreau, internet", "/sign-in/enrol/app", "/sign-in/enrol/app");
        visit("theo.moreau, internet", "/sign-in/enrol/sms", "/sign-in/enrol/sms");
        clearForwardedFor();

        // an agent, from the office
        signIn(Demo.CAMILLE);
        for (var page : List.of(
                "/",
                "/account",
                "/account/password",
                "/account/sessions",
                "/account/charter",
                "/account/activity",
                "/account/factors",
                "/account/factors/passkey",
                "/account/factors/app",
                "/account/mobile",
                "/account/mobile/change",
                "/account/mobile/code",
                "/sign-in/confirm",
                "/payslips",
                "/leave",
                "/schedule",
                "/schedule/month",
                "/requests",
                "/requests/new",
                "/notifications",
                "/remote-access",
                "/check")) {
            visit("camille.martin", page, page);
        }
        openMenu("camille.martin");
        visitLink("camille.martin", "/account/factors/{id}/rename", "/account/factors", "a[href*='/rename']");
        visitLink("camille.martin", "/account/factors/{id}/remove", "/account/factors", "a[href*='/remove']");
        visit("camille.martin", "/services/{id}", "/services/payslips");
        // a new message needs no mail server to be written (the webmail's other pages do: see NOT_SHOWN)
        visit("camille.martin", "/mail/compose", "/mail/compose");
        visit("camille.martin, refused", "/access-denied", "/services/confidential-documents");
        visit("camille.martin, refused", "(forbidden)", "/admin");

        visit("camille.martin", "(not published)", "/auth/refused?service=nowhere");

        // an agent from the internet, signed in with the second factor: closed services say why, and so does a
        // published application the proxy refused from there
        var nomad = agents.create().named("Alix").withTotp().withRemoteAccess().build();
        forwardedFor(TestData.address());
        signInWithApp(nomad.login(), clock);
        visit("nomad, internet", "/", "/");
        visit("nomad, internet", "/auth/refused", "/auth/refused?service=gis&reference=0A1B2C3D4E");
        clearForwardedFor();

        // an agent with requests under way, and the notifications they brought
        signIn(applicant.login());
        visit("applicant", "/requests/{id}", "/requests/" + certificate.id().value());
        visitLink("applicant", "/notifications/{id}", "/notifications", "a[href*='/notifications/']");
        // asking IT support, and the conversation that follows
        var conversation = conversations.open(
                applicant.id(),
                "Mon attestation n’est pas arrivée, alors que ma demande est terminée.",
                new org.guichet.helpline.Conversations.Context(null, "INTERNAL", "/requests", "Firefox 140"));
        visit("applicant", "/help/contact", "/help/contact");
        visit("applicant", "/help/conversations", "/help/conversations");
        visit("applicant", "/help/conversations/{id}", "/help/conversations/" + conversation);

        // the back offices, each as its role
        signIn(Demo.LUCAS);
        visit("lucas.bernard", "/approvals", "/approvals");
        visit("lucas.bernard", "/leave/team", "/leave/team");
        signInWithApp("ines.petit", clock);
        for (var page : List.of("/hr", "/hr/payslips", "/hr/leave", "/hr/requests")) {
            visit("ines.petit", page, page);
        }
        visit("ines.petit", "/hr/leave/profile", "/hr/leave/profile?agent=1000007");
        visit("ines.petit", "/hr/schedule", "/hr/schedule?agent=1000007");
        signInWithApp("hugo.robert", clock);
        visit("hugo.robert", "/support", "/support");
        visit("hugo.robert", "/support/agents/{soi}", "/support/agents/" + Demo.CAMILLE_SOI);
        visit("hugo.robert", "/support/nomadic-profiles", "/support/nomadic-profiles");
        visit("hugo.robert", "/support/conversations", "/support/conversations");
        visit("hugo.robert", "/support/conversations/{id}", "/support/conversations/" + conversation);
        signInWithApp("sarah.durand", clock);
        visit("sarah.durand", "/security/journal", "/security/journal");
        visit("sarah.durand", "/security/cases", "/security/cases");
        visit("sarah.durand", "/security/stuck", "/security/stuck");
        signInWithApp("nora.lefevre", clock);
        var syncRuns = directorySyncRuns();
        visit("nora.lefevre", "/admin", "/admin");
        jdbc.sql("DELETE FROM ldap_sync_run WHERE id IN (:ids)")
                .param("ids", syncRuns)
                .update();
        visit("nora.lefevre", "/admin/applications", "/admin/applications");
        visitLink(
                "nora.lefevre",
                "/admin/applications/{clientId}",
                "/admin/applications",
                "#application-gis a[href$='/admin/applications/gis']");

        writeIndex();
        assertThat(pages()).as("pages missing from the gallery").isSubsetOf(covered);
        assertThat(problems).as("what a person would see wrong").isEmpty();
    }

    /** Every GET mapping that answers a page (not a body, not a file): what the gallery must show. */
    private Set<String> pages() {
        var pages = new TreeSet<String>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            var methods = info.getMethodsCondition().getMethods();
            if (!(methods.isEmpty() || methods.contains(RequestMethod.GET))
                    || AnnotatedElementUtils.hasAnnotation(method.getBeanType(), ResponseBody.class)
                    || method.hasMethodAnnotation(ResponseBody.class)
                    || method.getMethod().getReturnType().getName().contains("ResponseEntity")) {
                return;
            }
            info.getPatternValues().stream()
                    .filter(pattern -> !NOT_SHOWN.contains(pattern) && !pattern.startsWith("/api/"))
                    .forEach(pages::add);
        });
        return pages;
    }

    /** The phone's menu, opened: the navigation and the agent's tools as they unfold. */
    private void openMenu(String who) {
        for (var language : LANGUAGES) {
            emulate(SIZES.get(1));
            chrome.get(url("/?lang=" + language));
            chrome.findElement(By.cssSelector(".site-menu summary")).click();
            var name = who + "-menu-" + language + "-phone";
            capture(name);
            @SuppressWarnings("unchecked")
            var found = (List<String>) chrome.executeScript(CHECKS, true);
            found.forEach(problem -> problems.add(who + " menu (" + language + ", phone): " + problem));
            assertThat(chrome.findElements(By.cssSelector(".site-menu__list a")))
                    .as("the open menu lists the services")
                    .anySatisfy(link -> assertThat(link.isDisplayed()).isTrue());
            shots.computeIfAbsent(who, key -> new ArrayList<>()).add(new String[] {
                "(menu)", "/ menu", language, "phone", name + ".png", "200", String.join("; ", found)
            });
        }
    }

    /** Opens the first link that matches on a page, then shows where it leads. */
    /**
     * Two synchronisations with an LDAP directory as the administration page shows them (the demo has no directory):
     * last night's, and one that refused two entries.
     */
    private List<Long> directorySyncRuns() {
        var ids = new ArrayList<Long>();
        var now = clock.instant();
        for (var run : List.of(
                new Object[] {now.minusSeconds(36_000), "SCHEDULE", 59_458, 0, 3, 59_455, 1, 0},
                new Object[] {now.minusSeconds(600), "COMMAND", 59_460, 1, 2, 59_455, 0, 2})) {
            var started = (java.time.Instant) run[0];
            var key = new org.springframework.jdbc.support.GeneratedKeyHolder();
            jdbc.sql("""
                            INSERT INTO ldap_sync_run (started_at, finished_at, started_from, dry_run, outcome, entries,
                                   created, updated, unchanged, departed, refused)
                            VALUES (?, ?, ?, FALSE, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(
                            java.sql.Timestamp.from(started),
                            java.sql.Timestamp.from(started.plusSeconds(37)),
                            run[1],
                            (int) run[7] == 0 ? "DONE" : "REFUSED_ENTRIES",
                            run[2],
                            run[3],
                            run[4],
                            run[5],
                            run[6],
                            run[7])
                    .update(key, "id");
            ids.add(java.util.Objects.requireNonNull(key.getKey()).longValue());
        }
        jdbc.sql("""
                INSERT INTO ldap_sync_refusal (run_id, ordinal, entry, problem, arguments) VALUES
                  (?, 0, '4873601', 'INVALID_MOBILE', '["06 pas un numéro"]'),
                  (?, 1, 'uid=stagiaire.ete,ou=people,dc=ville,dc=example', 'WITHOUT_SOI', '["employeeNumber"]')""").params(ids.getLast(), ids.getLast()).update();
        return ids;
    }

    private void visitLink(String who, String pattern, String from, String selector) {
        chrome.get(url(from));
        var links = chrome.findElements(By.cssSelector(selector));
        if (links.isEmpty()) {
            problems.add(who + ": no link " + selector + " on " + from + " to show " + pattern);
            return;
        }
        var href = links.getFirst().getAttribute("href");
        visit(who, pattern, href.substring(href.indexOf('/', "http://".length())));
    }

    /** Shows a page in each language and size: its screenshots and what the checks found. */
    private void visit(String who, String pattern, String path) {
        covered.add(pattern);
        for (var language : LANGUAGES) {
            for (var size : SIZES) {
                emulate(size);
                chrome.get(url(path + (path.contains("?") ? "&" : "?") + "lang=" + language));
                if (!drawnIn().startsWith(language)) {
                    // a redirect (a re-authentication, say) dropped ?lang=: keep the language for the visit, then
                    // come again so that the page is drawn in the language asked
                    chrome.get(url("/legal?lang=" + language));
                    chrome.get(url(path));
                }
                var status = ((Number) chrome.executeScript("const n = performance.getEntriesByType('navigation')[0];"
                                + " return n ? n.responseStatus : 0;"))
                        .intValue();
                var name = (who + "-" + path + "-" + language + "-" + size.name())
                        .replaceAll("[^A-Za-z0-9.-]+", "_")
                        .replaceAll("_+", "_");
                capture(name);
                var where = who + " " + path + " (" + language + ", " + size.name() + ")";
                if (status >= 500) {
                    problems.add(where + ": answered " + status);
                }
                @SuppressWarnings("unchecked")
                var found = new ArrayList<>((List<String>) chrome.executeScript(CHECKS, size.mobile()));
                var drawnIn = drawnIn();
                if (!drawnIn.startsWith(language)) {
                    found.add("drawn in '" + drawnIn + "' when " + language + " was asked");
                }
                if (path.startsWith("/sign-in/")
                        && !path.equals("/sign-in/confirm")
                        && !chrome.findElements(By.cssSelector(".site-nav a, .site-menu__list a, .bell"))
                                .isEmpty()) {
                    found.add("a sign-in step shows the service navigation or the bell");
                }
                found.forEach(problem -> problems.add(where + ": " + problem));
                shots.computeIfAbsent(who, key -> new ArrayList<>()).add(new String[] {
                    pattern,
                    path,
                    language,
                    size.name(),
                    name + ".png",
                    String.valueOf(status),
                    String.join("; ", found)
                });
            }
        }
    }

    private String drawnIn() {
        return String.valueOf(chrome.executeScript("return document.documentElement.lang;"));
    }

    private void emulate(Size size) {
        chrome.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of(
                        "width",
                        size.width(),
                        "height",
                        size.height(),
                        "deviceScaleFactor",
                        1,
                        "mobile",
                        size.mobile()));
    }

    /** The whole page, not only what the screen shows (capped at 16,000 px, below what Chromium can draw at once). */
    private void capture(String name) {
        try {
            @SuppressWarnings("unchecked")
            var metrics = (Map<String, Object>) chrome.executeCdpCommand("Page.getLayoutMetrics", Map.of());
            @SuppressWarnings("unchecked")
            var content = (Map<String, Object>) metrics.get("cssContentSize");
            var width = ((Number) content.get("width")).doubleValue();
            var height = Math.min(16000, ((Number) content.get("height")).doubleValue());
            var shot = chrome.executeCdpCommand(
                    "Page.captureScreenshot",
                    Map.of(
                            "format",
                            "png",
                            "captureBeyondViewport",
                            true,
                            "clip",
                            Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
            Files.write(GALLERY.resolve(name + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void forwardedFor(String address) {
        chrome.executeCdpCommand("Network.enable", Map.of());
        chrome.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of("X-Forwarded-For", address)));
    }

    private void clearForwardedFor() {
        if (chrome != null) {
            chrome.executeCdpCommand("Network.enable", Map.of());
            chrome.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of()));
        }
    }

    private void writeIndex() throws IOException {
        var html = new StringBuilder("""
                <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Guichet: every page</title>
                <style>body{font-family:system-ui;margin:1rem}figure{display:inline-block;vertical-align:top;margin:.5rem;
                max-width:20rem}img{max-width:20rem;max-height:24rem;border:1px solid #999}figcaption{font-size:.8rem}
                .problem{color:#b3261e;font-weight:600}</style></head><body><h1>Guichet: every page</h1>
                """);
        html.append("<p>").append(problems.size()).append(" problem(s).</p>");
        shots.forEach((who, list) -> {
            html.append("<h2>").append(HtmlUtils.htmlEscape(who)).append("</h2>");
            for (var shot : list) {
                html.append("<figure><a href=\"")
                        .append(shot[4])
                        .append("\"><img loading=\"lazy\" alt=\"\" src=\"")
                        .append(shot[4])
                        .append("\"></a><figcaption>")
                        .append(HtmlUtils.htmlEscape(shot[1] + " · " + shot[2] + " · " + shot[3] + " · " + shot[5]));
                if (!shot[6].isEmpty()) {
                    html.append("<br><span class=\"problem\">")
                            .append(HtmlUtils.htmlEscape(shot[6]))
                            .append("</span>");
                }
                html.append("</figcaption></figure>");
            }
        });
        html.append("</body></html>\n");
        Files.writeString(GALLERY.resolve("index.html"), html, StandardCharsets.UTF_8);
    }

    /** What a computed style tells about the page shown; the argument says whether it is a phone. */
    private static final String CHECKS = """
            const phone = arguments[0];
            const problems = [];
            const errorColour = 'rgb(179, 38, 30)';
            // what is drawn: not hidden, not inside a closed disclosure
            const visible = e => e.checkVisibility({visibilityProperty: true, contentVisibilityAuto: true})
                && e.getBoundingClientRect().width > 0;
            const describe = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                + (e.getAttribute('name') ? '[name=' + e.getAttribute('name') + ']' : '')
                + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\\s+/).join('.') : '');
            const notText = ['checkbox', 'radio', 'hidden', 'submit', 'button', 'file', 'image', 'reset', 'range', 'color'];
            const fields = [...document.querySelectorAll('input, textarea, select')]
                .filter(e => !notText.includes(e.type) && visible(e));
            const rem = parseFloat(getComputedStyle(document.documentElement).fontSize);
            for (const field of fields) {
              const style = getComputedStyle(field);
              if (field.getAttribute('aria-invalid') !== 'true'
                  && [style.borderTopColor, style.borderLeftColor].includes(errorColour)) {
                problems.push('a pristine field is drawn in the error colour: ' + describe(field));
              }
              const form = field.closest('form');
              if (!phone && form && !field.classList.contains('input--code') && !field.closest('.inline-filters')) {
                const formStyle = getComputedStyle(form);
                const inner = form.clientWidth - parseFloat(formStyle.paddingLeft) - parseFloat(formStyle.paddingRight);
                const width = field.getBoundingClientRect().width;
                if (width < 0.6 * Math.min(inner, 42 * rem)) {
                  problems.push('a field is ' + Math.round(width) + ' px wide in a form of ' + Math.round(inner)
                      + ' px: ' + describe(field));
                }
              }
            }
            if (phone) {
              const main = document.getElementById('content');
              if (main) {
                const top = main.getBoundingClientRect().top + window.scrollY + parseFloat(getComputedStyle(main).paddingTop);
                if (top > 0.35 * window.innerHeight) {
                  problems.push('the content starts at ' + Math.round(top) + ' px of a ' + window.innerHeight + ' px screen');
                }
              }
              const page = document.documentElement;
              if (page.scrollWidth > page.clientWidth + 1) {
                problems.push('the page scrolls sideways: ' + page.scrollWidth + ' px wide for ' + page.clientWidth);
              }
            }
            for (const box of document.querySelectorAll('h1, h2, h3, p, li, dt, dd, label, button, .button, summary, th, td, legend')) {
              const style = getComputedStyle(box);
              if (!visible(box) || style.display.startsWith('inline') || box.closest('.table-wrapper, pre')
                  || style.overflowX !== 'visible') {
                continue;
              }
              if (box.scrollWidth > box.clientWidth + 1) {
                problems.push('text overflows its box by ' + (box.scrollWidth - box.clientWidth) + ' px: '
                    + describe(box) + ' "' + box.textContent.trim().slice(0, 40) + '"');
              }
            }
            return problems;
            """;
}
