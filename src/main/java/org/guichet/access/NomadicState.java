package org.guichet.access;

/** Where an agent's remote-access (nomadic) profile stands. */
public enum NomadicState {
    /** Never requested. */
    NONE,
    /** Waiting for the manager. */
    REQUESTED,
    /** Approved by the manager, waiting for IT support to activate it. */
    APPROVED,
    ACTIVE,
    REJECTED,
    /** Its end date passed, or the manager did not confirm it. */
    EXPIRED,
    /** Withdrawn because the agent changed department or manager, was suspended or left. */
    DEACTIVATED;

    public boolean pending() {
        return this == REQUESTED || this == APPROVED;
    }

    /** Whether the agent may ask again. */
    public boolean closed() {
        return this == NONE || this == REJECTED || this == EXPIRED || this == DEACTIVATED;
    }
}
