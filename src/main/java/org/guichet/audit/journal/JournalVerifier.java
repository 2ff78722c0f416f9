package org.guichet.audit.journal;

import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.guichet.audit.JournalVerification;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Walks the chain, a thousand entries at a time: every place must be there, in order, each entry linked to the
 * previous hash and hashing to what it says. The whole chain runs from where the purge anchored it to the head read at
 * the start (entries appended meanwhile are left for the next verification); a month runs from its first entry,
 * linked to the last one of the month before, to its last, followed by the first one of the month after.
 */
@Service
public class JournalVerifier {

    private static final int CHUNK = 1000;

    private final JournalStore store;

    JournalVerifier(JournalStore store) {
        this.store = store;
    }

    @Transactional(readOnly = true)
    public JournalVerification verify() {
        var head = store.head();
        var walk = new Walk(null, head.purgedThroughSeq() + 1, head.purgedThroughHash(), head.lastSeq());
        while (walk.expected <= head.lastSeq()) {
            var chunk = store.after(walk.expected - 1, CHUNK);
            if (chunk.isEmpty() || !walk.check(chunk)) {
                break;
            }
        }
        if (walk.broken != null) {
            return walk.result();
        }
        if (walk.expected <= head.lastSeq() || !walk.previous.equals(head.lastHash())) {
            return new JournalVerification(false, walk.checked, walk.expected, null);
        }
        return walk.result();
    }

    /** Verifies the entries appended in this month (in the administration's zone), and their links to the next ones. */
    @Transactional(readOnly = true)
    public JournalVerification verify(YearMonth month) {
        var head = store.head();
        var from = JournalPartitions.start(month);
        var to = JournalPartitions.start(month.plusMonths(1));
        var first = store.storedBetween(from, to, head.purgedThroughSeq(), 1);
        if (first.isEmpty()) {
            return new JournalVerification(true, 0, null, month);
        }
        var seq = first.getFirst().seq();
        Optional<String> previous = seq - 1 == head.purgedThroughSeq()
                ? Optional.of(head.purgedThroughHash())
                : store.find(seq - 1).map(StoredEntry::hash);
        if (previous.isEmpty()) {
            return new JournalVerification(false, 0, seq - 1, month);
        }
        var walk = new Walk(month, seq, previous.get(), head.lastSeq());
        while (true) {
            var chunk = store.storedBetween(from, to, walk.expected - 1, CHUNK);
            if (chunk.isEmpty() || !walk.check(chunk)) {
                break;
            }
        }
        if (walk.broken == null
                && walk.expected <= head.lastSeq()
                && store.find(walk.expected).isEmpty()) {
            return new JournalVerification(false, walk.checked, walk.expected, month);
        }
        return walk.result();
    }

    /** Where a walk along the chain is: the place and hash it expects next, what it checked, where it broke. */
    private static final class Walk {

        private final @Nullable YearMonth month;
        private long expected;
        private String previous;
        private final long last;
        private long checked;
        private @Nullable Long broken;

        Walk(@Nullable YearMonth month, long expected, String previous, long last) {
            this.month = month;
            this.expected = expected;
            this.previous = previous;
            this.last = last;
        }

        /** Checks these entries in order; false when the walk is over (broken, or past the head read at the start). */
        boolean check(List<StoredEntry> entries) {
            for (var entry : entries) {
                if (entry.seq() > last) {
                    return false;
                }
                if (entry.seq() != expected) {
                    broken = expected;
                    return false;
                }
                if (!entry.prevHash().equals(previous) || !entry.hash().equals(entry.expectedHash(previous))) {
                    broken = entry.seq();
                    return false;
                }
                previous = entry.hash();
                expected++;
                checked++;
            }
            return true;
        }

        JournalVerification result() {
            return new JournalVerification(broken == null, checked, broken, month);
        }
    }
}
