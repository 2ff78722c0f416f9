package org.guichet.security;

import org.guichet.platform.ErrorCode;
import org.springframework.http.HttpStatus;

/** Refusals of the activity page and of the cases. */
public enum SecurityError implements ErrorCode {
    COMMENT_TOO_LONG(HttpStatus.BAD_REQUEST),
    CASE_NOT_FOUND(HttpStatus.NOT_FOUND),
    /** A case is closed with what was found. */
    OUTCOME_REQUIRED(HttpStatus.BAD_REQUEST),
    CASE_ALREADY_CLOSED(HttpStatus.CONFLICT);

    private final HttpStatus status;

    SecurityError(HttpStatus status) {
        this.status = status;
    }

    @Override
    public HttpStatus status() {
        return status;
    }

    @Override
    public String messageKey() {
        return "security.error." + name();
    }
}
