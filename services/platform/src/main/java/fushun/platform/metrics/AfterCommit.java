package fushun.platform.metrics;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Counting what a transaction did only once it committed: a rolled-back change counts nothing. */
public final class AfterCommit {

    private AfterCommit() {
    }

    /** Runs after the current transaction commits, or at once outside a transaction. */
    public static void run(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            action.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }
}
