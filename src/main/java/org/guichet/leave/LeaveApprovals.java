package org.guichet.leave;

import org.guichet.approval.ApprovalDecided;
import org.guichet.approval.ApprovalHandler;
import org.guichet.approval.ApprovalKind;
import org.guichet.directory.AgentTransferred;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A manager decided on a leave request: the request and its days move in the deciding transaction. An agent who
 * changes manager has their waiting requests put to the new one.
 */
@Component
class LeaveApprovals implements ApprovalHandler {

    private final LeaveManagement leave;

    LeaveApprovals(LeaveManagement leave) {
        this.leave = leave;
    }

    /** A new manager decides on what still waits; the former one no longer sees it. */
    @ApplicationModuleListener
    void on(AgentTransferred transfer) {
        if (transfer.toManager() != null && !transfer.toManager().equals(transfer.fromManager())) {
            leave.reroute(transfer.agent(), transfer.toManager());
        }
    }

    @Override
    public ApprovalKind kind() {
        return LeaveManagement.APPROVAL_KIND;
    }

    @Override
    public void decided(ApprovalDecided decision) {
        LeaveRequestId.parse(decision.subject())
                .ifPresent(id -> leave.decided(
                        id, decision.approved(), decision.decidedBy(), decision.comment(), decision.at()));
    }
}
