package org.guichet.audit;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One entry of the journal.
 *
 * @param seq its place in the chain, from 1
 * @param type what happened: the event's name ({@code AccountLocked}) or the action's ({@code SupportUnlock})
 * @param actor who did it: an SOI, or a name given outside the portal; none for the system
 * @param subject the SOI of the agent it is about, if any
 * @param details everything else the event or action said, by name
 */
public record JournalEntry(
        long seq,
        Instant at,
        String type,
        @Nullable String actor,
        @Nullable String subject,
        @Nullable String address,
        @Nullable String channel,
        Map<String, Object> details) {}
