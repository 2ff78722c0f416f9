package org.guichet.session.sessions;

import java.util.List;
import java.util.Map;

/**
 * Names a browser and its system the way people do ("Firefox", "Windows") from the User-Agent header. Coarse on
 * purpose: enough for an agent to recognise their own devices in "my sessions", nothing more.
 */
public final class Devices {

    private static final List<Map.Entry<String, String>> BROWSERS = List.of(
            Map.entry("Edg/", "Edge"),
            Map.entry("OPR/", "Opera"),
            Map.entry("SamsungBrowser/", "Samsung Internet"),
            Map.entry("Firefox/", "Firefox"),
            Map.entry("FxiOS/", "Firefox"),
            Map.entry("CriOS/", "Chrome"),
            Map.entry("Chromium/", "Chromium"),
            Map.entry("Chrome/", "Chrome"),
            Map.entry("Safari/", "Safari"));
    private static final List<Map.Entry<String, String>> SYSTEMS = List.of(
            Map.entry("Android", "Android"),
            Map.entry("iPhone", "iOS"),
            Map.entry("iPad", "iPadOS"),
            Map.entry("Windows", "Windows"),
            Map.entry("Mac OS X", "macOS"),
            Map.entry("CrOS", "ChromeOS"),
            Map.entry("Linux", "Linux"));

    private Devices() {}

    public record Device(String browser, String system) {

        @Override
        public String toString() {
            return browser + " · " + system;
        }
    }

    public static Device describe(String userAgent) {
        var agent = userAgent == null ? "" : userAgent;
        return new Device(first(BROWSERS, agent), first(SYSTEMS, agent));
    }

    private static String first(List<Map.Entry<String, String>> known, String userAgent) {
        return known.stream()
                .filter(entry -> userAgent.contains(entry.getKey()))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse("?");
    }
}
