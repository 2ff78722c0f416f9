package org.guichet.sso;

import org.guichet.platform.ErrorCode;
import org.springframework.http.HttpStatus;

/** Refusals of the single sign-on's administration and of "my sessions". */
public enum SsoError implements ErrorCode {
    APPLICATION_NOT_FOUND(HttpStatus.NOT_FOUND),
    APPLICATION_EXISTS(HttpStatus.CONFLICT),
    APPLICATION_INVALID(HttpStatus.BAD_REQUEST),
    /** A token of the mobile app without the scope this part of the API needs, or on a part no token reaches. */
    INSUFFICIENT_SCOPE(HttpStatus.FORBIDDEN);

    private final HttpStatus status;

    SsoError(HttpStatus status) {
        this.status = status;
    }

    @Override
    public HttpStatus status() {
        return status;
    }

    @Override
    public String messageKey() {
        return "sso.error." + name();
    }
}
