package org.guichet.platform.web;

import java.sql.SQLException;
import java.time.DateTimeException;
import org.springframework.dao.DataAccessException;
import org.springframework.web.multipart.MultipartException;

/**
 * What makes a request unusable rather than the server broken: a body that is not the multipart a form sends, a date
 * so far off that arithmetic on it overflows, or a value the database refuses as data (SQLSTATE class 22: PostgreSQL
 * keeps no NUL character in text, no year 999999999 in a date), which H2 would have taken. The request is wrong:
 * 400, never a 500; the transaction it ran in is rolled back, so nothing is half-written.
 */
final class UnusableInput {

    private UnusableInput() {}

    static boolean is(Throwable e) {
        if (e instanceof MultipartException || e instanceof DateTimeException) {
            return true;
        }
        if (!(e instanceof DataAccessException)) {
            return false;
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql
                    && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("22")) {
                return true;
            }
        }
        return false;
    }
}
