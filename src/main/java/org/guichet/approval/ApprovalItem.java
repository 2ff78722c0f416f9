package org.guichet.approval;

import java.time.Instant;
import java.time.LocalDate;
import org.guichet.directory.AgentId;
import org.jspecify.annotations.Nullable;

/**
 * An approval item as an approver sees it.
 *
 * @param approver who it waits for (after any escalation)
 * @param escalated whether it came up from a report who did not decide in time
 */
public record ApprovalItem(
        ApprovalId id,
        String kind,
        String subject,
        AgentId requester,
        String requesterName,
        String details,
        @Nullable LocalDate startsOn,
        @Nullable LocalDate endsOn,
        ApprovalState state,
        AgentId approver,
        Instant submittedAt,
        boolean escalated,
        @Nullable Instant decidedAt,
        @Nullable AgentId decidedBy,
        @Nullable String comment) {}
