package org.guichet.access;

import java.time.Instant;
import org.guichet.directory.AgentId;
import org.guichet.directory.AgentJournaled;
import org.guichet.network.Channel;

/**
 * An agent tried to reach a service and was refused.
 *
 * @param reference the reference the agent was shown, to give the helpdesk
 */
public record AccessDenied(
        AgentId agent, String service, Channel channel, AccessDenial reason, String reference, Instant at)
        implements AgentJournaled {}
