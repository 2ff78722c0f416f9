package org.guichet.identity;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.AuthenticationException;

/** A refused sign-in, with its reason and, when waiting helps, until when. */
public class SignInRefusedException extends AuthenticationException {

    private final SignInError error;
    private final @Nullable Instant until;

    public SignInRefusedException(SignInError error, @Nullable Instant until) {
        super(error.name());
        this.error = error;
        this.until = until;
    }

    public SignInError error() {
        return error;
    }

    /** When trying again may succeed: the end of a lock or of the address's window. */
    public @Nullable Instant until() {
        return until;
    }

    /** Whole minutes left until {@link #until()}, at least one. */
    public long minutesLeft(Instant now) {
        if (until == null) {
            return 0;
        }
        var seconds = Math.max(0, Duration.between(now, until).toSeconds());
        return Math.max(1, (seconds + 59) / 60);
    }
}
