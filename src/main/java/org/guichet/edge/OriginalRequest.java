package org.guichet.edge;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * The request a proxy asks about, as it told it: nginx's {@code X-Original-URL} and {@code X-Original-Method}, or
 * Caddy's and Traefik's {@code X-Forwarded-Proto}, {@code X-Forwarded-Host}, {@code X-Forwarded-Uri} and {@code
 * X-Forwarded-Method}. Its {@link #path() path} is the one the proxy routes on: percent-decoded once, slashes merged,
 * dot segments resolved, as nginx does; a path nginx would refuse (a dot segment above the root, a bad escape, a
 * control character) makes no request at all.
 *
 * @param url the address as the browser asked it, to come back to after signing in
 * @param host the host, lower case, without its port
 * @param path the normalised path the proxy routes on
 * @param withoutParameters that path without {@code ;} parameters in its segments, as some applications read it
 */
public record OriginalRequest(String method, String url, String host, String path, String withoutParameters) {

    /** What a proxy sent, or empty when it is missing, garbled or a path the proxy would not route. */
    public static Optional<OriginalRequest> of(UnaryOperator<@Nullable String> headers) {
        var method = first(headers.apply("X-Original-Method"), headers.apply("X-Forwarded-Method"), "GET");
        var original = headers.apply("X-Original-URL");
        String url;
        if (original != null && !original.isBlank()) {
            url = original.strip();
        } else {
            var proto = headers.apply("X-Forwarded-Proto");
            var host = headers.apply("X-Forwarded-Host");
            var uri = headers.apply("X-Forwarded-Uri");
            if (host == null || host.isBlank() || uri == null || !uri.startsWith("/")) {
                return Optional.empty();
            }
            url = first(proto, null, "https").strip() + "://" + host.strip() + uri;
        }
        if (url.length() > 8192 || !method.matches("[A-Z]{1,16}")) {
            return Optional.empty();
        }
        try {
            var parsed = URI.create(url);
            var scheme = parsed.getScheme();
            if (!"https".equalsIgnoreCase(scheme) && !"http".equalsIgnoreCase(scheme)) {
                return Optional.empty();
            }
            var host = parsed.getHost();
            var rawPath = parsed.getRawPath();
            if (host == null || rawPath == null || !rawPath.startsWith("/")) {
                return Optional.empty();
            }
            var path = normalise(rawPath);
            if (path == null) {
                return Optional.empty();
            }
            return Optional.of(new OriginalRequest(
                    method, url, host.toLowerCase(Locale.ROOT), path, path.replaceAll(";[^/]*", "")));
        } catch (IllegalArgumentException garbled) {
            return Optional.empty();
        }
    }

    private static String first(@Nullable String value, @Nullable String other, String otherwise) {
        if (value != null && !value.isBlank()) {
            return value.strip();
        }
        return other != null && !other.isBlank() ? other.strip() : otherwise;
    }

    /**
     * The path as nginx routes on it ({@code $uri}): escapes decoded once (UTF-8), repeated slashes merged, {@code .}
     * and {@code ..} resolved; null when nginx would refuse it.
     */
    static @Nullable String normalise(String rawPath) {
        var decoded = decode(rawPath);
        if (decoded == null || decoded.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return null;
        }
        var segments = new ArrayDeque<String>();
        var parts = decoded.split("/+", -1);
        for (int i = 1; i < parts.length; i++) {
            var segment = parts[i];
            if (segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (segments.isEmpty()) {
                    return null;
                }
                segments.removeLast();
                continue;
            }
            segments.addLast(segment);
        }
        var last = parts[parts.length - 1];
        var path = "/" + String.join("/", segments);
        // a path ending in a slash or a dot segment names a directory: nginx keeps its slash
        if ((last.isEmpty() || last.equals(".") || last.equals("..")) && !path.endsWith("/")) {
            path += "/";
        }
        return path;
    }

    private static @Nullable String decode(String raw) {
        var bytes = new ByteArrayOutputStream();
        for (int i = 0; i < raw.length(); i++) {
            var c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    return null;
                }
                var high = Character.digit(raw.charAt(i + 1), 16);
                var low = Character.digit(raw.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return null;
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else if (c > 0x7e) {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            } else {
                bytes.write(c);
            }
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
