package org.guichet.messaging;

import java.time.Instant;
import org.guichet.directory.AgentId;
import org.guichet.directory.AgentJournaled;

/**
 * An agent sent a message from the webmail: how many recipients, how many outside the administration, never what it
 * said.
 */
public record MailSent(AgentId agent, int recipients, int outside, Instant at) implements AgentJournaled {}
