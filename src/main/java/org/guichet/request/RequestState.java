package org.guichet.request;

/** Where a request stands. */
public enum RequestState {
    /** Saved by the agent, not filed yet. */
    DRAFT,
    /** Waiting for the decision of its current step (step n of m). */
    IN_REVIEW,
    /** Sent back to the agent: more information needed. */
    INFO_REQUESTED,
    REJECTED,
    COMPLETED,
    CANCELLED;

    /** Whether someone on the route still has to act on it. */
    public boolean open() {
        return this == IN_REVIEW || this == INFO_REQUESTED;
    }

    /** Whether its agent may still withdraw it: a draft, or open. */
    public boolean cancellable() {
        return this == DRAFT || open();
    }
}
