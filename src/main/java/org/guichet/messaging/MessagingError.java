package org.guichet.messaging;

import org.guichet.platform.ErrorCode;
import org.springframework.http.HttpStatus;

/** Refusals of the webmail. */
public enum MessagingError implements ErrorCode {
    /** The mail server refused the agent's token (revoked, or the session ended): sign in again. */
    SIGN_IN_AGAIN(HttpStatus.UNAUTHORIZED),
    /** No such folder in the agent's mailbox. */
    FOLDER_NOT_FOUND(HttpStatus.NOT_FOUND),
    /** No such message (gone, moved, or a name the webmail never gave). */
    MESSAGE_NOT_FOUND(HttpStatus.NOT_FOUND),
    /** A recipient outside the administration, which the charter forbids (or asks to confirm). */
    OUTSIDE_RECIPIENT(HttpStatus.UNPROCESSABLE_CONTENT),
    /** A message without a recipient, with a malformed address, or too long. */
    MESSAGE_INVALID(HttpStatus.BAD_REQUEST),
    /** A Guichet document (payslip, certificate) attached for a recipient outside the administration. */
    DOCUMENT_OUTSIDE(HttpStatus.UNPROCESSABLE_CONTENT),
    /** No such Guichet document among the agent's own. */
    DOCUMENT_NOT_FOUND(HttpStatus.NOT_FOUND),
    /** The attachments weigh more than a message may carry. */
    ATTACHMENTS_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE),
    /** The mail server refused one of the recipients (no such address). */
    RECIPIENT_REFUSED(HttpStatus.UNPROCESSABLE_CONTENT),
    /** The mail server does not answer. */
    MAIL_SERVER_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE);

    private final HttpStatus status;

    MessagingError(HttpStatus status) {
        this.status = status;
    }

    @Override
    public HttpStatus status() {
        return status;
    }

    @Override
    public String messageKey() {
        return "messaging.error." + name();
    }
}
