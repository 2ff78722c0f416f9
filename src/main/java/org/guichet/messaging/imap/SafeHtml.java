package org.guichet.messaging.imap;

import java.util.regex.Pattern;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * The HTML of a message as the webmail shows it (OWASP Java HTML Sanitizer): formatting, tables, links and images
 * kept; scripts, handlers, forms, frames, styles sheets and anything else dropped. Links open apart, without the
 * portal as referrer. Remote images are dropped unless the agent asked for them; images carried in the message
 * ({@code cid:}) and {@code data:} images always are (not shown yet).
 */
public final class SafeHtml {

    private static final Pattern REMOTE = Pattern.compile("(?i)https?://\\S+");

    private static final PolicyFactory BASE = Sanitizers.FORMATTING
            .and(Sanitizers.BLOCKS)
            .and(Sanitizers.TABLES)
            .and(Sanitizers.STYLES)
            .and(new HtmlPolicyBuilder()
                    .allowElements("a")
                    .allowUrlProtocols("http", "https", "mailto")
                    .allowAttributes("href")
                    .onElements("a")
                    .requireRelsOnLinks("noopener", "noreferrer", "nofollow")
                    .allowAttributes("target")
                    .matching(Pattern.compile("_blank"))
                    .onElements("a")
                    .toFactory());

    private static final PolicyFactory WITH_REMOTE_IMAGES = BASE.and(new HtmlPolicyBuilder()
            .allowElements("img")
            .allowUrlProtocols("https", "http")
            .allowAttributes("src")
            .matching(Pattern.compile("(?i)https?://\\S+"))
            .onElements("img")
            .allowAttributes("alt", "width", "height")
            .onElements("img")
            .toFactory());

    private SafeHtml() {}

    /** The message's HTML, safe to show in the portal's page. */
    public static String of(String html, boolean remoteImages) {
        return (remoteImages ? WITH_REMOTE_IMAGES : BASE).sanitize(html);
    }

    /** Whether the HTML asks for images from elsewhere (which the agent may choose to load). */
    public static boolean hasRemoteImages(String html) {
        var lower = html.toLowerCase(java.util.Locale.ROOT);
        var at = lower.indexOf("<img");
        while (at >= 0) {
            var end = lower.indexOf('>', at);
            if (end < 0) {
                end = lower.length();
            }
            if (REMOTE.matcher(lower.substring(at, end)).find()) {
                return true;
            }
            at = lower.indexOf("<img", end);
        }
        return false;
    }
}
