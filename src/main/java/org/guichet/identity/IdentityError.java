package org.guichet.identity;

import org.guichet.platform.ErrorCode;
import org.springframework.http.HttpStatus;

/** Refusals of the identity module's forms and API. */
public enum IdentityError implements ErrorCode {
    PASSWORD_REJECTED(HttpStatus.UNPROCESSABLE_CONTENT),
    CURRENT_PASSWORD_WRONG(HttpStatus.UNPROCESSABLE_CONTENT);

    private final HttpStatus status;

    IdentityError(HttpStatus status) {
        this.status = status;
    }

    @Override
    public HttpStatus status() {
        return status;
    }

    @Override
    public String messageKey() {
        return "identity.error." + name();
    }
}
