package org.guichet.platform;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * What a node keeps in memory for a few seconds (the forward-auth decisions, what {@code GET /api/v1/me} read): each
 * entry for its lifetime after it was written, at most so many; none when either setting is zero.
 */
public final class BriefCache {

    private BriefCache() {}

    /** A cache keeping each entry this long, at most {@code size} of them; none if the lifetime or the size is zero. */
    public static <K, V> @Nullable Cache<K, V> of(Duration lifetime, int size) {
        return lifetime.isPositive() && size > 0
                ? Caffeine.newBuilder()
                        .expireAfterWrite(lifetime)
                        .maximumSize(size)
                        .build()
                : null;
    }
}
