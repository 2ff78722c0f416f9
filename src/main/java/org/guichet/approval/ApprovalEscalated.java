package org.guichet.approval;

import java.time.Instant;
import org.guichet.directory.AgentId;

/** An item waited too long: it now waits for the former approver's manager. */
public record ApprovalEscalated(ApprovalId id, String kind, AgentId requester, AgentId from, AgentId to, Instant at)
        implements ApprovalJournaled {}
