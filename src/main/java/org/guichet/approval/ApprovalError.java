package org.guichet.approval;

import org.guichet.platform.ErrorCode;
import org.springframework.http.HttpStatus;

/** Refusals of the approval module. */
public enum ApprovalError implements ErrorCode {
    /** No such item waits for this person (it may exist, for someone else: they are not told). */
    APPROVAL_NOT_FOUND(HttpStatus.NOT_FOUND),
    /** Someone (the approver or a delegate) decided first, or the subject was withdrawn. */
    ALREADY_DECIDED(HttpStatus.CONFLICT),
    /** A rejection must say why, to the requester. */
    COMMENT_REQUIRED(HttpStatus.BAD_REQUEST),
    COMMENT_TOO_LONG(HttpStatus.BAD_REQUEST),
    /** The delegate is not an active manager, or is the delegator. */
    DELEGATE_INVALID(HttpStatus.BAD_REQUEST),
    /** The dates are reversed, in the past, or span more than a year. */
    DELEGATION_DATES_INVALID(HttpStatus.BAD_REQUEST),
    /** Only managers delegate their approvals. */
    NOT_A_MANAGER(HttpStatus.FORBIDDEN),
    /**
     * The item's kind has no handler any more (renamed, or its module removed, and start-up told to go on anyway):
     * deciding it would move nothing, so it is not decided.
     */
    KIND_UNHANDLED(HttpStatus.CONFLICT);

    private final HttpStatus status;

    ApprovalError(HttpStatus status) {
        this.status = status;
    }

    @Override
    public HttpStatus status() {
        return status;
    }

    @Override
    public String messageKey() {
        return "approval.error." + name();
    }
}
