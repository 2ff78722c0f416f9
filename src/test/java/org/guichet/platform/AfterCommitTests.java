package org.guichet.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/** Work that follows a change: after its commit, never after a rollback, at once outside a transaction. */
class AfterCommitTests {

    private final TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(
            new DriverManagerDataSource("jdbc:h2:mem:after-commit;DB_CLOSE_DELAY=-1", "sa", "")));
    private final List<String> done = new ArrayList<>();

    @Test
    void runWhenInATransactionThenOnlyOnceCommitted() {
        transactions.executeWithoutResult(status -> {
            AfterCommit.run(() -> done.add("forgotten"));
            assertThat(done).isEmpty();
        });

        assertThat(done).containsExactly("forgotten");
    }

    @Test
    void runWhenTheTransactionRollsBackThenNever() {
        transactions.executeWithoutResult(status -> {
            AfterCommit.run(() -> done.add("forgotten"));
            status.setRollbackOnly();
        });

        assertThat(done).isEmpty();
    }

    @Test
    void runWhenNoTransactionThenAtOnce() {
        AfterCommit.run(() -> done.add("forgotten"));

        assertThat(done).containsExactly("forgotten");
    }
}
