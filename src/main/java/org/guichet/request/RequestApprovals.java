package org.guichet.request;

import org.guichet.approval.ApprovalDecided;
import org.guichet.approval.ApprovalHandler;
import org.guichet.approval.ApprovalKind;
import org.springframework.stereotype.Component;

/** A manager decided on a request's manager step: the request moves in the deciding transaction. */
@Component
class RequestApprovals implements ApprovalHandler {

    private final RequestReview requests;

    RequestApprovals(RequestReview requests) {
        this.requests = requests;
    }

    @Override
    public ApprovalKind kind() {
        return RequestRoute.APPROVAL_KIND;
    }

    @Override
    public void decided(ApprovalDecided decision) {
        RequestId.parse(decision.subject())
                .ifPresent(id -> requests.decidedByManager(
                        id, decision.approved(), decision.decidedBy(), decision.comment(), decision.at()));
    }
}
