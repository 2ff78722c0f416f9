package org.guichet.platform;

import org.springframework.http.HttpStatus;

/** Why a CSV file cannot be read at all (imports report a single bad row instead of throwing). */
public enum CsvError implements ErrorCode {
    EMPTY_FILE,
    NOT_UTF8,
    UNREADABLE_CSV,
    MISSING_COLUMNS,
    UNKNOWN_COLUMNS;

    @Override
    public HttpStatus status() {
        return HttpStatus.UNPROCESSABLE_CONTENT;
    }

    @Override
    public String messageKey() {
        return "csv.error." + name();
    }
}
