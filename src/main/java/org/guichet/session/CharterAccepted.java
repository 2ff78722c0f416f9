package org.guichet.session;

import java.time.Instant;
import org.guichet.directory.AgentId;
import org.guichet.directory.AgentJournaled;
import org.guichet.network.Channel;

/** An agent accepted a version of the IT charter. */
public record CharterAccepted(AgentId agent, int version, Channel channel, Instant at) implements AgentJournaled {}
