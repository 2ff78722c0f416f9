package org.guichet.request;

/** What a step of a request's timeline records; its sentence is {@code request.event.<NAME>}. */
public enum TimelineEvent {
    DRAFTED,
    SUBMITTED,
    APPROVED,
    REJECTED,
    INFO_REQUESTED,
    INFO_GIVEN,
    COMPLETED,
    CANCELLED
}
