package org.guichet.approval;

import java.time.Instant;
import org.guichet.directory.AgentId;

/** An item has been waiting for its approver longer than the reminder delay: they are reminded. */
public record ApprovalOverdue(ApprovalId id, String kind, AgentId requester, AgentId approver, Instant waitingSince)
        implements ApprovalJournaled {}
