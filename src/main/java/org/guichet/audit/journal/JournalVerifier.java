package org.guichet.audit.journal;

import org.guichet.audit.JournalVerification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Walks the chain from where the purge anchored it to the head read at the start, a thousand entries at a time: every
 * place must be there, in order, each entry linked to the previous hash and hashing to what it says. Entries appended
 * meanwhile are left for the next verification.
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
        var previous = head.purgedThroughHash();
        var expected = head.purgedThroughSeq() + 1;
        var checked = 0L;
        while (expected <= head.lastSeq()) {
            var chunk = store.after(expected - 1, CHUNK);
            if (chunk.isEmpty()) {
                break;
            }
            for (var entry : chunk) {
                if (entry.seq() > head.lastSeq()) {
                    return new JournalVerification(true, checked, null);
                }
                if (entry.seq() != expected) {
                    return new JournalVerification(false, checked, expected);
                }
                if (!entry.prevHash().equals(previous) || !entry.hash().equals(entry.expectedHash(previous))) {
                    return new JournalVerification(false, checked, entry.seq());
                }
                previous = entry.hash();
                expected++;
                checked++;
            }
        }
        if (expected <= head.lastSeq() || !previous.equals(head.lastHash())) {
            return new JournalVerification(false, checked, expected);
        }
        return new JournalVerification(true, checked, null);
    }
}
