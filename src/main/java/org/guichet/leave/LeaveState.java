package org.guichet.leave;

/** Where a leave request stands. */
public enum LeaveState {
    PENDING,
    APPROVED,
    REJECTED,
    CANCELLED;

    /** Whether it holds days (pending or taken). */
    public boolean holdsDays() {
        return this == PENDING || this == APPROVED;
    }
}
