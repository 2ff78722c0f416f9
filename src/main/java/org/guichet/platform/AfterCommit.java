package org.guichet.platform;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Work that must follow a change only once the change is committed, typically a node forgetting what it keeps in
 * memory: run after the current transaction commits (never if it rolls back), or at once outside a transaction.
 *
 * <p>For such work, rather than a {@code @TransactionalEventListener}: Spring Modulith's event publication registry
 * records a publication for every transactional listener of every event it hears (a row inserted, then marked
 * completed), which is right for work that must survive a crash and pure cost for a cache's entry to be forgotten.
 */
public final class AfterCommit {

    private AfterCommit() {}

    /** Runs the work once the current transaction commits, or now when there is none. */
    public static void run(Runnable work) {
        if (TransactionSynchronizationManager.isSynchronizationActive()
                && TransactionSynchronizationManager.isActualTransactionActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    work.run();
                }
            });
        } else {
            work.run();
        }
    }
}
