package org.guichet.directory;

import org.guichet.platform.ErrorCode;
import org.springframework.http.HttpStatus;

/** Why a directory file cannot be imported at all (a single bad row is reported, not thrown). */
public enum DirectoryError implements ErrorCode {
    EMPTY_FILE,
    NOT_UTF8,
    UNREADABLE_CSV,
    MISSING_COLUMNS,
    UNKNOWN_COLUMNS,
    UNKNOWN_FILE_KIND;

    @Override
    public HttpStatus status() {
        return HttpStatus.UNPROCESSABLE_CONTENT;
    }

    @Override
    public String messageKey() {
        return "directory.error." + name();
    }
}
