package org.guichet.access;

import java.time.Instant;
import org.guichet.directory.AgentId;
import org.guichet.directory.AgentJournaled;

/** A remote-access profile (or a request) was withdrawn because the agent changed department or manager, was suspended or left. */
public record NomadicProfileDeactivated(AgentId agent, NomadicState from, String cause, Instant at)
        implements AgentJournaled {}
