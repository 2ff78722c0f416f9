package org.guichet.access;

import java.time.Instant;
import org.guichet.directory.ActedJournaled;
import org.guichet.directory.AgentId;
import org.guichet.directory.AgentJournaled;
import org.jspecify.annotations.Nullable;

/** The manager rejected a remote-access request, saying why. */
public record NomadicProfileRejected(
        AgentId agent, AgentId by, @Nullable String comment, Instant at) implements AgentJournaled, ActedJournaled {}
