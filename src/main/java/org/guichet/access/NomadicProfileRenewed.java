package org.guichet.access;

import java.time.Instant;
import java.time.LocalDate;
import org.guichet.directory.ActedJournaled;
import org.guichet.directory.AgentId;
import org.guichet.directory.AgentJournaled;

/** The manager confirmed a remote-access profile at its yearly review: it lasts until {@code validUntil}. */
public record NomadicProfileRenewed(AgentId agent, AgentId by, LocalDate validUntil, Instant at)
        implements AgentJournaled, ActedJournaled {}
