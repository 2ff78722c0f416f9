package org.guichet.audit;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A search of the journal; every criterion is optional.
 *
 * @param agent an SOI: entries about this agent or done by them
 * @param type an entry type, exactly
 * @param from the first day, in the administration's zone
 * @param to the last day, included
 * @param address a client address, exactly
 */
public record JournalQuery(
        @Nullable String agent,
        @Nullable String type,
        @Nullable LocalDate from,
        @Nullable LocalDate to,
        @Nullable String address) {

    public static JournalQuery about(String agent) {
        return new JournalQuery(agent, null, null, null, null);
    }
}
