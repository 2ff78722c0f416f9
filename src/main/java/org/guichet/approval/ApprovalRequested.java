package org.guichet.approval;

import java.time.Instant;
import org.guichet.directory.AgentId;

/** An item now waits for this approver. */
public record ApprovalRequested(
        ApprovalId id, String kind, String subject, AgentId requester, AgentId approver, Instant at)
        implements ApprovalJournaled {}
