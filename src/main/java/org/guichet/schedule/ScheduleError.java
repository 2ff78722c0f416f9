package org.guichet.schedule;

import org.guichet.platform.ErrorCode;
import org.springframework.http.HttpStatus;

/** Refusals of the schedule pages and API. */
public enum ScheduleError implements ErrorCode {
    /** The end of the range is before its start, or the range is longer than allowed. */
    RANGE_INVALID(HttpStatus.BAD_REQUEST),
    /** A weekly pattern with overlapping or reversed slots. */
    PATTERN_INVALID(HttpStatus.BAD_REQUEST),
    AGENT_NOT_FOUND(HttpStatus.NOT_FOUND),
    EMPTY_FILE(HttpStatus.UNPROCESSABLE_CONTENT);

    private final HttpStatus status;

    ScheduleError(HttpStatus status) {
        this.status = status;
    }

    @Override
    public HttpStatus status() {
        return status;
    }

    @Override
    public String messageKey() {
        return "schedule.error." + name();
    }
}
