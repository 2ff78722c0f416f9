package org.guichet.audit.journal;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** An entry as the database holds it, details as their JSON text. */
record StoredEntry(
        long seq,
        Instant at,
        String type,
        @Nullable String actor,
        @Nullable String subject,
        @Nullable String address,
        @Nullable String channel,
        String details,
        String prevHash,
        String hash) {

    /** The hash this entry should have after this previous hash. */
    String expectedHash(String previousHash) {
        return Chain.hash(previousHash, seq, at, type, actor, subject, address, channel, details);
    }
}
