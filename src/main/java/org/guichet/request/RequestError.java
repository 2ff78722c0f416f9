package org.guichet.request;

import org.guichet.platform.ErrorCode;
import org.springframework.http.HttpStatus;

/** Refusals of administrative requests, each with a sentence ({@code request.error.<CODE>}). */
public enum RequestError implements ErrorCode {
    UNKNOWN_TYPE(HttpStatus.BAD_REQUEST),
    /** A field is missing, unknown or not of its kind; the problem's {@code field} names it. */
    FIELD_INVALID(HttpStatus.BAD_REQUEST),
    REQUEST_NOT_FOUND(HttpStatus.NOT_FOUND),
    DOCUMENT_NOT_FOUND(HttpStatus.NOT_FOUND),
    /** The agent's file names no manager for a route that starts with the manager. */
    NO_MANAGER(HttpStatus.CONFLICT),
    /** Already decided, completed or cancelled. */
    NOT_OPEN(HttpStatus.CONFLICT),
    /** A rejection, or a request for more information, says why. */
    COMMENT_REQUIRED(HttpStatus.BAD_REQUEST),
    /** The request does not wait for HR. */
    NOT_FOR_HR(HttpStatus.CONFLICT);

    private final HttpStatus status;

    RequestError(HttpStatus status) {
        this.status = status;
    }

    @Override
    public HttpStatus status() {
        return status;
    }

    @Override
    public String messageKey() {
        return "request.error." + name();
    }
}
