package org.guichet.platform.web;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.modulith.NamedInterface;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * What says the database cannot be reached (restarted, failed over, the network between cut): no connection to be had
 * within the pool's wait, a connection lost mid-request, the server shutting down (SQLSTATE class 08, 57P01–57P03).
 * The node is not broken and the request was not wrong: 503 with a {@code Retry-After}, the same page or problem for
 * everybody, and the node serves again on its own as soon as the database answers.
 */
@NamedInterface("web-access")
public final class DatabaseUnreachable {

    /** What a client is told to wait before trying again (seconds). */
    public static final String RETRY_AFTER = "5";

    private DatabaseUnreachable() {}

    public static boolean is(@org.jspecify.annotations.Nullable Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            // a rollback that failed on the lost connection hides what failed first
            if (cause instanceof TransactionSystemException failed && is(failed.getApplicationException())) {
                return true;
            }
            if (cause instanceof DataAccessResourceFailureException
                    || cause instanceof RecoverableDataAccessException
                    || cause instanceof java.sql.SQLRecoverableException
                    || cause instanceof CannotCreateTransactionException
                    || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                var state = sql.getSQLState();
                if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")) {
                    return true;
                }
            }
        }
        return false;
    }
}
