package org.guichet.leave;

import org.guichet.platform.ErrorCode;
import org.springframework.http.HttpStatus;

/** Refusals of leave requests, each with a sentence for the agent ({@code leave.error.<CODE>}). */
public enum LeaveError implements ErrorCode {
    TYPE_REQUIRED(HttpStatus.BAD_REQUEST),
    /** Sick leave and other types only HR enters. */
    TYPE_NOT_REQUESTABLE(HttpStatus.BAD_REQUEST),
    START_REQUIRED(HttpStatus.BAD_REQUEST),
    END_REQUIRED(HttpStatus.BAD_REQUEST),
    END_BEFORE_START(HttpStatus.BAD_REQUEST),
    START_IN_PAST(HttpStatus.BAD_REQUEST),
    /** Leave is counted per civil year: one request per year. */
    SPANS_YEARS(HttpStatus.BAD_REQUEST),
    TOO_FAR_AHEAD(HttpStatus.BAD_REQUEST),
    /** Morning and afternoon of a single day both left out. */
    HALF_DAYS_INVALID(HttpStatus.BAD_REQUEST),
    COMMENT_TOO_LONG(HttpStatus.BAD_REQUEST),
    COMMENT_REQUIRED(HttpStatus.BAD_REQUEST),
    /** Only weekends, public holidays or days off in the period. */
    NO_WORKING_DAY(HttpStatus.BAD_REQUEST),
    OVERLAPS(HttpStatus.CONFLICT),
    INSUFFICIENT_BALANCE(HttpStatus.CONFLICT),
    NO_MANAGER(HttpStatus.CONFLICT),
    REQUEST_NOT_FOUND(HttpStatus.NOT_FOUND),
    /** Already started, ended, cancelled or rejected. */
    NOT_CANCELLABLE(HttpStatus.CONFLICT),
    /** A deposit to the time-savings account outside its limits. */
    DEPOSIT_INVALID(HttpStatus.CONFLICT),
    PROFILE_INVALID(HttpStatus.BAD_REQUEST);

    private final HttpStatus status;

    LeaveError(HttpStatus status) {
        this.status = status;
    }

    @Override
    public HttpStatus status() {
        return status;
    }

    @Override
    public String messageKey() {
        return "leave.error." + name();
    }
}
