package org.guichet.helpline;

import org.guichet.platform.ErrorCode;
import org.springframework.http.HttpStatus;

/** Refusals of the helpline. */
public enum HelplineError implements ErrorCode {
    /** No such conversation, or someone else's. */
    CONVERSATION_NOT_FOUND(HttpStatus.NOT_FOUND),
    /** An empty message, or one too long. */
    MESSAGE_INVALID(HttpStatus.BAD_REQUEST);

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
