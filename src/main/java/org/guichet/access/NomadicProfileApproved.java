package org.guichet.access;

import java.time.Instant;
import org.guichet.directory.ActedJournaled;
import org.guichet.directory.AgentId;
import org.guichet.directory.AgentJournaled;
import org.jspecify.annotations.Nullable;

/** The manager approved a remote-access request (as themselves, or as a delegate): IT support activates it next. */
public record NomadicProfileApproved(
        AgentId agent, AgentId by, @Nullable String comment, Instant at) implements AgentJournaled, ActedJournaled {}
