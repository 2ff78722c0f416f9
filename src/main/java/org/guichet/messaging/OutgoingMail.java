package org.guichet.messaging;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A message the agent sends.
 *
 * @param to its recipients
 * @param cc its copies
 * @param subject its subject
 * @param text its text
 * @param outsideConfirmed whether the agent confirmed sending outside the administration, knowing the charter's rule
 *     (only where the charter warns rather than refuses)
 * @param inReplyTo the Message-ID of the message it answers ({@code <…@…>}), so that mail programs thread them; null
 *     for a new message
 */
public record OutgoingMail(
        List<String> to,
        List<String> cc,
        String subject,
        String text,
        boolean outsideConfirmed,
        @Nullable String inReplyTo) {

    public OutgoingMail {
        to = List.copyOf(to);
        cc = List.copyOf(cc);
    }
}
