package org.guichet.audit;

import java.time.YearMonth;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of a verification of the journal's chain. Serializable: the page shows it after a redirect, from the
 * session (kept in the database).
 *
 * @param checked how many entries were checked
 * @param firstBroken the place of the first entry where the chain breaks (changed, missing or out of place)
 * @param month the month verified (entries appended in it, in the administration's zone), or none for the whole chain
 */
public record JournalVerification(
        boolean valid,
        long checked,
        @Nullable Long firstBroken,
        @Nullable YearMonth month) implements java.io.Serializable {}
