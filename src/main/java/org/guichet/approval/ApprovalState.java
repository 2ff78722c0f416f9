package org.guichet.approval;

/** Where an approval item stands. */
public enum ApprovalState {
    PENDING,
    APPROVED,
    REJECTED,
    /** The subject went away before a decision (the requester left, changed department). */
    CANCELLED
}
