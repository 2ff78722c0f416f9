package org.guichet.access;

import java.time.Instant;
import java.time.LocalDate;
import org.guichet.directory.ActedJournaled;
import org.guichet.directory.AgentId;
import org.guichet.directory.AgentJournaled;
import org.jspecify.annotations.Nullable;

/** A remote-access profile is active until {@code validUntil} included; {@code by} is empty when activation is automatic. */
public record NomadicProfileActivated(
        AgentId agent, @Nullable AgentId by, LocalDate validUntil, Instant at)
        implements AgentJournaled, ActedJournaled {}
