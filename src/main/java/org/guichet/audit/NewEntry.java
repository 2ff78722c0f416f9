package org.guichet.audit;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What to append to the journal (its place and hash are the journal's).
 *
 * @param inMyActivity whether the agent it is about sees entries of this type in "my activity"
 */
public record NewEntry(
        Instant at,
        String type,
        @Nullable String actor,
        @Nullable String subject,
        @Nullable String address,
        @Nullable String channel,
        Map<String, ?> details,
        boolean inMyActivity) {}
