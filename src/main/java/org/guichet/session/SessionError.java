package org.guichet.session;

import org.guichet.platform.ErrorCode;
import org.springframework.http.HttpStatus;

/** Refusals of the session module. */
public enum SessionError implements ErrorCode {
    /** Signed in, but a step remains (new password, charter): its page is given as {@code next}. */
    SIGN_IN_INCOMPLETE(HttpStatus.FORBIDDEN),
    /** This needs a second factor the session has not given (on this channel, for this agent): see {@code next}. */
    SECOND_FACTOR_REQUIRED(HttpStatus.FORBIDDEN),
    /** This change needs a second factor used in the last minutes: confirm at {@code next}, then try again. */
    STEP_UP_REQUIRED(HttpStatus.FORBIDDEN),
    /** The session reached its absolute lifetime: sign in again. */
    SESSION_ENDED(HttpStatus.UNAUTHORIZED);

    private final HttpStatus status;

    SessionError(HttpStatus status) {
        this.status = status;
    }

    @Override
    public HttpStatus status() {
        return status;
    }

    @Override
    public String messageKey() {
        return "session.error." + name();
    }
}
