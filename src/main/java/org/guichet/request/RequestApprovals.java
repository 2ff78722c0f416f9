package org.guichet.request;

import org.guichet.approval.ApprovalDecided;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** A manager decided on a request's manager step: the request moves in the deciding transaction. */
@Component
class RequestApprovals {

    private final RequestManagement requests;

    RequestApprovals(RequestManagement requests) {
        this.requests = requests;
    }

    @EventListener
    void on(ApprovalDecided decision) {
        if (RequestManagement.APPROVAL_KIND.equals(decision.kind())) {
            RequestId.parse(decision.subject())
                    .ifPresent(id -> requests.decidedByManager(
                            id, decision.approved(), decision.decidedBy(), decision.comment(), decision.at()));
        }
    }
}
