package org.guichet.directory;

import org.guichet.platform.ErrorCode;
import org.springframework.http.HttpStatus;

/**
 * Why a directory file cannot be imported at all (a single bad row is reported, not thrown); what makes any CSV file
 * unreadable is a {@link org.guichet.platform.CsvError}.
 */
public enum DirectoryError implements ErrorCode {
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
