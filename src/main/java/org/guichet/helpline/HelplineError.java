package org.guichet.helpline;

import org.guichet.platform.ErrorCode;
import org.springframework.http.HttpStatus;

/** Refusals of the helpline. */
public enum HelplineError implements ErrorCode {
    /** No such conversation, or someone else's. */
    CONVERSATION_NOT_FOUND(HttpStatus.NOT_FOUND),
    /** An empty message, or one too long. */
    MESSAGE_INVALID(HttpStatus.BAD_REQUEST),
    /** The login page's form without an identifier. */
    IDENTIFIER_INVALID(HttpStatus.BAD_REQUEST),
    /** A report's period that ends before it starts, or longer than a year. */
    PERIOD_INVALID(HttpStatus.BAD_REQUEST),
    /** A conversation given to someone who is not of the helpdesk. */
    NOT_HELPDESK(HttpStatus.BAD_REQUEST),
    /** Too many messages from the login page's form lately, from this address or for this identifier. */
    TOO_MANY_MESSAGES(HttpStatus.TOO_MANY_REQUESTS);

    private final HttpStatus status;

    HelplineError(HttpStatus status) {
        this.status = status;
    }

    @Override
    public HttpStatus status() {
        return status;
    }

    @Override
    public String messageKey() {
        return "helpline.error." + name();
    }
}
