package org.guichet.platform;

import org.jspecify.annotations.Nullable;
import org.springframework.web.ErrorResponseException;

/**
 * A refusal with a stable {@link ErrorCode}. API controllers answer it as {@code application/problem+json} carrying
 * the {@code errorCode}; HTML controllers show the error page for its status.
 */
public class GuichetException extends ErrorResponseException {

    private final ErrorCode errorCode;

    public GuichetException(ErrorCode errorCode, Object... messageArguments) {
        this(errorCode, null, messageArguments);
    }

    public GuichetException(ErrorCode errorCode, @Nullable Throwable cause, Object... messageArguments) {
        super(errorCode.status(), Problems.of(errorCode, null), cause, errorCode.messageKey(), messageArguments);
        this.errorCode = errorCode;
    }

    public ErrorCode errorCode() {
        return errorCode;
    }
}
