package org.guichet.audit.journal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.guichet.audit.NewEntry;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends entries to the chain, one at a time across nodes (under the head's row lock), and purges the oldest while
 * keeping the rest verifiable.
 */
@Service
public class JournalWriter {

    static final int MAX_DETAILS = 8000;

    private final JournalStore store;
    private final JournalPartitions partitions;
    private final JsonMapper json;

    JournalWriter(JournalStore store, JournalPartitions partitions, JsonMapper json) {
        this.store = store;
        this.partitions = partitions;
        this.json = json;
    }

    /** Appends the entry in the current transaction (or one of its own); returns its place. */
    @Transactional
    public long append(NewEntry entry) {
        return append(store.lockHead(), entry);
    }

    private long append(JournalStore.Head head, NewEntry entry) {
        var seq = head.lastSeq() + 1;
        var at = entry.at().truncatedTo(ChronoUnit.MICROS);
        var actor = clip(entry.actor(), 64);
        var address = clip(entry.address(), 45);
        var channel = clip(entry.channel(), 8);
        var details = details(entry.details());
        var hash =
                Chain.hash(head.lastHash(), seq, at, entry.type(), actor, entry.subject(), address, channel, details);
        store.append(new StoredEntry(
                seq, at, entry.type(), actor, entry.subject(), address, channel, details, head.lastHash(), hash));
        store.describeType(entry.type(), entry.inMyActivity());
        return seq;
    }

    /**
     * Removes the entries appended before the cutoff (the whole run of them from the start of the chain), anchors the
     * chain on the last one removed, and journals the purge; returns how many were removed. With monthly partitions
     * (PostgreSQL), whole months go: the cutoff moves back to the start of its month, so an entry is kept up to a month
     * longer than the retention, and the purge drops tables instead of deleting rows.
     */
    @Transactional
    public int purgeBefore(Instant requested, Instant now) {
        var cutoff =
                partitions.partitioned() ? JournalPartitions.start(JournalPartitions.monthOf(requested)) : requested;
        var head = store.lockHead();
        var through = store.firstSeqStoredFrom(cutoff).map(first -> first - 1).orElse(head.lastSeq());
        if (through <= head.purgedThroughSeq()) {
            partitions.dropBefore(cutoff, head.purgedThroughSeq()); // months emptied before: nothing in them
            return 0;
        }
        var last = store.find(through).orElseThrow();
        var removed = store.purgeThrough(last, cutoff);
        append(
                head,
                new NewEntry(
                        now,
                        "JournalPurged",
                        null,
                        null,
                        null,
                        null,
                        Map.of(
                                "through",
                                through,
                                "removed",
                                removed,
                                "before",
                                cutoff.toString(),
                                "anchor",
                                last.hash()),
                        false));
        return removed;
    }

    private String details(Map<String, ?> details) {
        var text = json.writeValueAsString(details);
        if (text.length() <= MAX_DETAILS) {
            return text;
        }
        return json.writeValueAsString(Map.of("truncated", text.substring(0, MAX_DETAILS - 100)));
    }

    private static @Nullable String clip(@Nullable String value, int length) {
        return value == null || value.length() <= length ? value : value.substring(0, length);
    }
}
