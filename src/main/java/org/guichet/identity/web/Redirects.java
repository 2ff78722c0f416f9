package org.guichet.identity.web;

import org.jspecify.annotations.Nullable;

/** Where a page may send the agent next: only a path of this site, never another site. */
final class Redirects {

    private Redirects() {}

    /** The path if it is a local one ({@code /account/factors?x=1}), else the fallback. */
    static String local(@Nullable String next, String fallback) {
        if (next == null
                || !next.startsWith("/")
                || next.startsWith("//")
                || next.contains("\\")
                || next.chars().anyMatch(c -> c < 0x21 || c == 0x7f)
                || next.length() > 2048) {
            return fallback;
        }
        return next;
    }

    /**
     * The path with {@code next} added to its query, encoded strictly: a {@code next} with a query of its own keeps its
     * {@code &} and {@code =} (a single sign-on's authorization request, say).
     */
    static String withNext(String path, String next) {
        return org.springframework.web.util.UriComponentsBuilder.fromUriString(path)
                .queryParam("next", "{next}")
                .encode()
                .buildAndExpand(next)
                .toUriString();
    }
}
