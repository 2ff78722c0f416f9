package org.guichet.identity.factor;

import java.time.Instant;
import org.guichet.identity.FactorType;
import org.jspecify.annotations.Nullable;

/**
 * One of an agent's second factors as the agent sees it.
 *
 * @param id how pages name it, unique among the agent's factors
 * @param detail what else to say: the masked number, the codes left
 * @param usable whether it can be used now (an SMS factor needs a verified number, recovery codes one left)
 */
public record Factor(
        String id,
        FactorType type,
        String name,
        Instant addedAt,
        @Nullable Instant lastUsedAt,
        @Nullable String detail,
        boolean usable) {

    /** Whether it can be renamed (recovery codes have no name). */
    public boolean renamable() {
        return type.signsIn();
    }
}
