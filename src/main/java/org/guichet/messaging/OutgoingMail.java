package org.guichet.messaging;

import java.util.List;

/**
 * A message the agent sends.
 *
 * @param to its recipients
 * @param cc its copies
 * @param subject its subject
 * @param text its text
 * @param outsideConfirmed whether the agent confirmed sending outside the administration, knowing the charter's rule
 *     (only where the charter warns rather than refuses)
 */
public record OutgoingMail(List<String> to, List<String> cc, String subject, String text, boolean outsideConfirmed) {

    public OutgoingMail {
        to = List.copyOf(to);
        cc = List.copyOf(cc);
    }
}
