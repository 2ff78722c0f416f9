/**
 * Approval: the approval step other modules ask for (remote access and its yearly confirmation, leave, administrative
 * requests).
 * Each item waits for one approver, by default the requester's manager; the approver, or a manager they delegated to
 * for a date range while away, approves or rejects it with a comment. Items left waiting are reminded, then escalated
 * to the approver's own manager, after configurable delays.
 *
 * <p>API: {@link org.guichet.approval.ApprovalManagement}. SPI: each asking module declares one {@link
 * org.guichet.approval.ApprovalHandler} per {@link org.guichet.approval.ApprovalKind}, called inside the deciding
 * transaction, so that the subject moves on with the decision or not at all; start-up stops while items wait of a
 * kind nobody handles. Published events: {@link org.guichet.approval.ApprovalRequested}, {@link
 * org.guichet.approval.ApprovalDecided}, {@link
 * org.guichet.approval.ApprovalOverdue}, {@link org.guichet.approval.ApprovalEscalated}, {@link
 * org.guichet.approval.DelegationGranted}.
 */
@ApplicationModule(
        displayName = "Approval",
        allowedDependencies = {"directory"})
@NullMarked
package org.guichet.approval;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
