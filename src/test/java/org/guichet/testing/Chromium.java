package org.guichet.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real headless Chromium for tests of what a person sees. Uses the system's Chromium and chromedriver (Debian
 * packages {@code chromium} and {@code chromium-driver}; other paths through {@code GUICHET_CHROMIUM} and {@code
 * GUICHET_CHROMEDRIVER}); nothing is downloaded. Without them the test fails with the way to install them, unless
 * the build is run with {@code -Dguichet.browser.skip=true}.
 */
public final class Chromium {

    public static final String SKIP_PROPERTY = "guichet.browser.skip";

    private Chromium() {}

    public static boolean skipped() {
        return Boolean.getBoolean(SKIP_PROPERTY);
    }

    public static ChromeDriver start(int width, int height) {
        return start(width, height, new String[0]);
    }

    /**
     * A browser with arguments of its own besides the usual ones (say {@code --host-resolver-rules=MAP *.test
     * 127.0.0.1}, for the hosts of applications published behind a test's nginx).
     */
    public static ChromeDriver start(int width, int height, String... arguments) {
        var binary = Path.of(env("GUICHET_CHROMIUM", "/usr/bin/chromium"));
        var driver = Path.of(env("GUICHET_CHROMEDRIVER", "/usr/bin/chromedriver"));
        assertThat(Files.isExecutable(binary) && Files.isExecutable(driver))
                .as("Browser tests need Chromium and chromedriver (apt-get install -y chromium chromium-driver), "
                        + "or -D" + SKIP_PROPERTY + "=true to skip them")
                .isTrue();
        var options = new ChromeOptions()
                .setBinary(binary.toFile())
                .addArguments(
                        "--headless=new",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-dev-shm-usage",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--no-first-run",
                        "--window-size=%d,%d".formatted(width, height))
                .addArguments(arguments);
        var service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driver.toFile())
                .usingAnyFreePort()
                .build();
        var chrome = new ChromeDriver(service, options);
        chrome.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        chrome.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
        return chrome;
    }

    /**
     * The WCAG 2.1 A and AA violations axe-core finds on the page the browser shows, one line each ({@code rule:
     * help — element}); empty when there are none.
     */
    public static java.util.List<String> accessibilityViolations(ChromeDriver chrome) {
        var results = new com.deque.html.axecore.selenium.AxeBuilder()
                .withTags(java.util.List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                .analyze(chrome);
        assertThat(results.isErrored()).as(results.getErrorMessage()).isFalse();
        return results.getViolations().stream()
                .flatMap(rule -> rule.getNodes().stream()
                        .map(node -> rule.getId() + ": " + rule.getHelp() + " — " + node.getHtml()))
                .toList();
    }

    /** Saves what the browser shows under {@code target/screenshots/}. */
    public static Path screenshot(ChromeDriver chrome, String name) {
        try {
            var directory = Files.createDirectories(Path.of("target", "screenshots"));
            var file = directory.resolve(name + ".png");
            Files.write(file, chrome.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Saves the whole page, below the fold too, under {@code target/screenshots/}. */
    public static Path fullPageScreenshot(ChromeDriver chrome, String name) {
        var metrics = chrome.executeCdpCommand("Page.getLayoutMetrics", java.util.Map.of());
        @SuppressWarnings("unchecked")
        var content = (java.util.Map<String, Object>) metrics.get("cssContentSize");
        var width = ((Number) content.get("width")).doubleValue();
        var height = Math.min(((Number) content.get("height")).doubleValue(), 12_000);
        var shot = chrome.executeCdpCommand(
                "Page.captureScreenshot",
                java.util.Map.of(
                        "captureBeyondViewport",
                        true,
                        "clip",
                        java.util.Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
        try {
            var directory = Files.createDirectories(Path.of("target", "screenshots"));
            var file = directory.resolve(name + ".png");
            Files.write(file, java.util.Base64.getDecoder().decode(String.valueOf(shot.get("data"))));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String env(String name, String fallback) {
        var value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
