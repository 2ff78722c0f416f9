package org.guichet.payslip;

import org.guichet.platform.ErrorCode;
import org.springframework.http.HttpStatus;

/** Refusals of the payslip pages and API. */
public enum PayslipError implements ErrorCode {
    /** No such payslip, or not the caller's: the same answer, so that identifiers reveal nothing. */
    PAYSLIP_NOT_FOUND(HttpStatus.NOT_FOUND),
    /** HR must say why they open an agent's payslip. */
    REASON_REQUIRED(HttpStatus.BAD_REQUEST),
    REASON_TOO_LONG(HttpStatus.BAD_REQUEST),
    /** Neither a ZIP of PDFs nor a CSV of payroll lines. */
    UNKNOWN_FILE_KIND(HttpStatus.UNPROCESSABLE_CONTENT),
    /** The file holds no payslip. */
    EMPTY_BATCH(HttpStatus.UNPROCESSABLE_CONTENT),
    TOO_MANY_PAYSLIPS(HttpStatus.UNPROCESSABLE_CONTENT),
    /** Some rows or files are wrong: nothing was published (the report lists them). */
    BATCH_REJECTED(HttpStatus.UNPROCESSABLE_CONTENT),
    /** Another publication wrote a payslip of this batch in the meantime: nothing of this one was published. */
    PUBLISHED_MEANWHILE(HttpStatus.CONFLICT);

    private final HttpStatus status;

    PayslipError(HttpStatus status) {
        this.status = status;
    }

    @Override
    public HttpStatus status() {
        return status;
    }

    @Override
    public String messageKey() {
        return "payslip.error." + name();
    }
}
