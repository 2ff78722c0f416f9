package org.guichet.security;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A "this wasn't me" report and its follow-up. */
public record SecurityCase(
        UUID id,
        String soi,
        String agentName,
        Instant openedAt,
        String address,
        String channel,
        @Nullable String comment,
        int sessionsClosed,
        @Nullable Instant closedAt,
        @Nullable String closedBy,
        @Nullable String outcome) {

    public boolean open() {
        return closedAt == null;
    }
}
