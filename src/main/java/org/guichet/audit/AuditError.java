package org.guichet.audit;

import org.guichet.platform.ErrorCode;
import org.springframework.http.HttpStatus;

/** Refusals of the journal's pages and API. */
public enum AuditError implements ErrorCode {
    /** The agent criterion is not an SOI (7 digits). */
    AGENT_INVALID(HttpStatus.BAD_REQUEST),
    /** The type criterion is not a word of letters. */
    TYPE_INVALID(HttpStatus.BAD_REQUEST),
    /** A date is not a date, or the range ends before it starts. */
    RANGE_INVALID(HttpStatus.BAD_REQUEST),
    /** The address criterion is not an IP address. */
    ADDRESS_INVALID(HttpStatus.BAD_REQUEST),
    /** The month to verify is not a month (2026-11). */
    MONTH_INVALID(HttpStatus.BAD_REQUEST);

    private final HttpStatus status;

    AuditError(HttpStatus status) {
        this.status = status;
    }

    @Override
    public HttpStatus status() {
        return status;
    }

    @Override
    public String messageKey() {
        return "audit.error." + name();
    }
}
