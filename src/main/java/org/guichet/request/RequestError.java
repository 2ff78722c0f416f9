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
    NOT_FOR_HR(HttpStatus.CONFLICT),
    /** Not a PDF, JPEG or PNG by its content, whatever its name. */
    ATTACHMENT_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE),
    ATTACHMENT_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE),
    /** No such attachment, or not the reader's to read. */
    ATTACHMENT_NOT_FOUND(HttpStatus.NOT_FOUND),
    /** The request is not waiting for its agent's information. */
    NOT_WAITING_FOR_INFORMATION(HttpStatus.CONFLICT),
    /** Someone else of HR took the request from the queue. */
    TAKEN_BY_ANOTHER(HttpStatus.CONFLICT),
    /** Only whoever decides the current step asks for more information. */
    NOT_THE_DECIDER(HttpStatus.FORBIDDEN);

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
