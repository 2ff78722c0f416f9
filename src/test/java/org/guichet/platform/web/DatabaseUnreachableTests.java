package org.guichet.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * What says the database is out of reach (a 503 to retry), and what does not (a fault, or the request's own data). The
 * whole path, from a real PostgreSQL stopped under two nodes, is proven by ClusterTests.
 */
class DatabaseUnreachableTests {

    @Test
    void isWhenNoConnectionCanBeHadOrTheConnectionIsLostThenTrue() {
        var poolWaitedInVain = new SQLTransientConnectionException("Connection is not available, request timed out");
        assertThat(DatabaseUnreachable.is(new CannotCreateTransactionException("no connection", poolWaitedInVain)))
                .isTrue();
        assertThat(DatabaseUnreachable.is(new CannotGetJdbcConnectionException("refused")))
                .isTrue();
        assertThat(DatabaseUnreachable.is(new RuntimeException(new SQLException("I/O error", "08006"))))
                .isTrue();
        assertThat(DatabaseUnreachable.is(new SQLException("terminating connection", "57P01")))
                .isTrue();
        var rollbackFailed = new TransactionSystemException("JDBC rollback failed");
        rollbackFailed.initApplicationException(new SQLException("I/O error", "08006"));
        assertThat(DatabaseUnreachable.is(rollbackFailed)).isTrue();
    }

    @Test
    void isWhenTheFaultIsTheRequestsOrTheCodesThenFalse() {
        assertThat(DatabaseUnreachable.is(new DataIntegrityViolationException("duplicate key")))
                .isFalse();
        assertThat(DatabaseUnreachable.is(new RuntimeException(new SQLException("bad value", "22001"))))
                .isFalse();
        assertThat(DatabaseUnreachable.is(new IllegalStateException("a bug"))).isFalse();
        assertThat(DatabaseUnreachable.is(new TransactionSystemException("commit failed")))
                .isFalse();
        assertThat(DatabaseUnreachable.is(null)).isFalse();
    }
}
