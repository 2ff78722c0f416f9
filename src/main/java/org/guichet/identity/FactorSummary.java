package org.guichet.identity;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One of the agent's verification methods, as the helpdesk may see it (never a secret). */
public record FactorSummary(
        FactorType type,
        String name,
        Instant addedAt,
        @Nullable Instant lastUsedAt,
        boolean usable) {}
