package org.guichet.session;

import java.time.Instant;
import org.guichet.directory.AgentId;
import org.guichet.directory.AgentJournaled;

/** An agent signed out. */
public record SignedOut(AgentId agent, String session, Instant at) implements AgentJournaled {}
