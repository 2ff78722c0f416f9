package org.guichet.messaging;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A message in a folder's list.
 *
 * @param id its name in the webmail's addresses ({@link MessageId#value()})
 * @param from the sender's name, or address when the message gives no name
 * @param subject its subject (empty when it has none)
 * @param date when it was sent, or received when it says nothing
 * @param seen whether the agent has read it
 * @param flagged whether the agent flagged it
 * @param attachments whether it carries attachments
 * @param size its size in bytes, as the server counts it
 */
public record MessageSummary(
        String id,
        String from,
        String subject,
        @Nullable Instant date,
        boolean seen,
        boolean flagged,
        boolean attachments,
        int size) {}
