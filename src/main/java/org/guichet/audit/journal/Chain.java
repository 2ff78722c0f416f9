package org.guichet.audit.journal;

import java.time.Instant;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.guichet.platform.Digests;
import org.jspecify.annotations.Nullable;

/**
 * The hash chain: an entry's hash is the SHA-256 of the previous entry's hash and the entry's canonical form, its
 * fields in a fixed order, separated by a character none of them holds (the details are JSON, where control
 * characters are escaped). Changing, removing or reordering an entry breaks every hash from it on.
 */
final class Chain {

    /** The hash before the first entry. */
    static final String GENESIS = "0".repeat(64);

    private static final String FIELD = "\u001F";
    private static final String LINK = "\u001E";

    private Chain() {}

    static String hash(
            String previousHash,
            long seq,
            Instant at,
            String type,
            @Nullable String actor,
            @Nullable String subject,
            @Nullable String address,
            @Nullable String channel,
            String details) {
        var canonical = Stream.of(Long.toString(seq), at.toString(), type, actor, subject, address, channel, details)
                .map(field -> Objects.requireNonNullElse(field, ""))
                .collect(Collectors.joining(FIELD));
        return Digests.sha256Hex(previousHash + LINK + canonical);
    }
}
