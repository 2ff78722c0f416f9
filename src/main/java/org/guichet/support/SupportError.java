package org.guichet.support;

import org.guichet.platform.ErrorCode;
import org.springframework.http.HttpStatus;

/** Refusals of the helpdesk console. */
public enum SupportError implements ErrorCode {
    /** No agent has this SOI. */
    AGENT_NOT_FOUND(HttpStatus.NOT_FOUND),
    /** No such device of the agent's. */
    DEVICE_NOT_FOUND(HttpStatus.NOT_FOUND),
    /** Every action needs a reason, for the journal. */
    REASON_REQUIRED(HttpStatus.BAD_REQUEST),
    REASON_TOO_LONG(HttpStatus.BAD_REQUEST),
    /** Nothing is locked: there is nothing to unlock. */
    NOT_LOCKED(HttpStatus.CONFLICT),
    /** Only an active agent may be given an enrolment code or have a profile activated. */
    AGENT_NOT_ACTIVE(HttpStatus.CONFLICT),
    /** The what-if view needs a channel and a service of the catalogue. */
    WHAT_IF_INVALID(HttpStatus.BAD_REQUEST),
    /** A helpdesk agent does not act on their own account from the console. */
    SELF_SERVICE_ONLY(HttpStatus.FORBIDDEN);

    private final HttpStatus status;

    SupportError(HttpStatus status) {
        this.status = status;
    }

    @Override
    public HttpStatus status() {
        return status;
    }

    @Override
    public String messageKey() {
        return "support.error." + name();
    }
}
