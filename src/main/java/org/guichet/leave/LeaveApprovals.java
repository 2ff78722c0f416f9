package org.guichet.leave;

import org.guichet.approval.ApprovalDecided;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** A manager decided on a leave request: the request and its days move in the deciding transaction. */
@Component
class LeaveApprovals {

    private final LeaveManagement leave;

    LeaveApprovals(LeaveManagement leave) {
        this.leave = leave;
    }

    @EventListener
    void on(ApprovalDecided decision) {
        if (LeaveManagement.APPROVAL_KIND.equals(decision.kind())) {
            LeaveRequestId.parse(decision.subject())
                    .ifPresent(id -> leave.decided(
                            id, decision.approved(), decision.decidedBy(), decision.comment(), decision.at()));
        }
    }
}
