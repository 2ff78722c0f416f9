package org.guichet.platform;

import java.net.URI;
import java.util.Locale;
import org.springframework.http.HttpStatus;

/**
 * A stable error code, one closed enum per module ({@code SignInError.LOCKED}, {@code AccessDenial.MFA_REQUIRED}).
 * The code is what API clients branch on; {@link #type()} is the RFC 9457 problem type and {@link #messageKey()}
 * the sentence for a person, resolved in their language.
 */
public interface ErrorCode {

    /** The enum constant name, sent as {@code errorCode} in problem details. */
    String name();

    /** The HTTP status this error answers with. */
    HttpStatus status();

    /** The RFC 9457 {@code type}: a stable relative URI, e.g. {@code /problems/not-found}. */
    default URI type() {
        return URI.create("/problems/" + name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    /** The message key of the sentence shown to a person: {@code error.<code>} unless a module says otherwise. */
    default String messageKey() {
        return "error." + name();
    }
}
