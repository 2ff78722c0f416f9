package org.guichet.access;

import org.guichet.platform.ErrorCode;
import org.springframework.http.HttpStatus;

/** Refusals of the remote-access (nomadic profile) workflow. */
public enum NomadicError implements ErrorCode {
    REASON_REQUIRED(HttpStatus.BAD_REQUEST),
    REASON_TOO_LONG(HttpStatus.BAD_REQUEST),
    /** The end date is in the past, or further than the longest a profile lasts. */
    END_DATE_INVALID(HttpStatus.BAD_REQUEST),
    /** A request is already waiting, or the profile is active. */
    ALREADY_REQUESTED(HttpStatus.CONFLICT),
    /** The agent's file names no manager to approve it: HR must complete it. */
    NO_MANAGER(HttpStatus.CONFLICT),
    /** No such agent, or no profile waiting for activation (for IT support). */
    PROFILE_NOT_FOUND(HttpStatus.NOT_FOUND),
    /** The profile is not waiting for activation (not approved yet, already active, withdrawn). */
    NOT_APPROVED(HttpStatus.CONFLICT);

    private final HttpStatus status;

    NomadicError(HttpStatus status) {
        this.status = status;
    }

    @Override
    public HttpStatus status() {
        return status;
    }

    @Override
    public String messageKey() {
        return "nomadic.error." + name();
    }
}
