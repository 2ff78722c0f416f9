package org.guichet.helpline;

import java.time.Instant;
import org.guichet.directory.AgentId;
import org.guichet.directory.AgentJournaled;
import org.jspecify.annotations.Nullable;

/** An agent asked IT support: from which refusal (its reference and reason), never what they wrote. */
public record ConversationOpened(
        AgentId agent,
        String conversation,
        @Nullable String reference,
        @Nullable String reason,
        Instant at) implements AgentJournaled {}
