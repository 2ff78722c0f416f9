package org.guichet.approval;

import java.time.Instant;
import org.guichet.directory.AgentId;
import org.jspecify.annotations.Nullable;

/**
 * An item was approved or rejected.
 *
 * @param decidedBy who decided
 * @param onBehalfOf the approver they stood in for, when they decided as a delegate
 */
public record ApprovalDecided(
        ApprovalId id,
        String kind,
        String subject,
        AgentId requester,
        boolean approved,
        AgentId decidedBy,
        @Nullable AgentId onBehalfOf,
        @Nullable String comment,
        Instant at)
        implements ApprovalJournaled, DecidedJournaled {}
