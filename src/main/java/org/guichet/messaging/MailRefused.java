package org.guichet.messaging;

import java.time.Instant;
import org.guichet.directory.AgentId;
import org.guichet.directory.AgentJournaled;

/**
 * The charter refused a message of an agent's: why, and how many recipients were outside the administration; never
 * who nor what the message said.
 */
public record MailRefused(AgentId agent, Reason reason, int outside, Instant at) implements AgentJournaled {

    /** What the charter refused. */
    public enum Reason {
        /** A recipient outside the administration. */
        OUTSIDE_RECIPIENT,
        /** A Guichet document (payslip, certificate) for a recipient outside the administration. */
        DOCUMENT_OUTSIDE
    }
}
