package org.guichet.helpline;

import java.time.Instant;
import org.guichet.directory.AgentId;
import org.guichet.directory.AgentJournaled;
import org.jspecify.annotations.Nullable;

/**
 * An agent asked IT support: from which refusal (its reference and reason), on which channel, whether they could not
 * sign in at all ({@code blocked}) and whether it came from the login page's form ({@code unverified}); never what
 * they wrote.
 */
public record ConversationOpened(
        AgentId agent,
        String conversation,
        @Nullable String reference,
        @Nullable String reason,
        @Nullable String channel,
        boolean blocked,
        boolean unverified,
        Instant at)
        implements AgentJournaled {}
