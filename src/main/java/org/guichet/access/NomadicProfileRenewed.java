package org.guichet.access;

import java.time.Instant;
import java.time.LocalDate;
import org.guichet.directory.AgentId;
import org.guichet.platform.Journaled;

/** The manager confirmed a remote-access profile at its yearly review: it lasts until {@code validUntil}. */
public record NomadicProfileRenewed(AgentId agent, AgentId by, LocalDate validUntil, Instant at) implements Journaled {}
