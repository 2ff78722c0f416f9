package org.guichet.messaging;

import java.time.Instant;
import org.guichet.directory.AgentId;
import org.guichet.directory.AgentJournaled;

/**
 * The charter refused a message of an agent's (a recipient outside the administration): how many recipients were
 * outside, never who nor what the message said.
 */
public record MailRefused(AgentId agent, int outside, Instant at) implements AgentJournaled {}
