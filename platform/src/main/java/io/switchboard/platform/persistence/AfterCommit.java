package io.switchboard.platform.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Runs something once the current transaction has committed: wake a relay for rows that are now visible,
 * forget cached state the transaction changed. Never for a rolled-back transaction, and never earlier, when
 * other connections could not yet see the change. Without an active transaction there is nothing to wait
 * for, so the action runs at once.
 */
@ApplicationScoped
public class AfterCommit {

    private final TransactionSynchronizationRegistry transactions;

    @Inject
    public AfterCommit(TransactionSynchronizationRegistry transactions) {
        this.transactions = transactions;
    }

    public void run(Runnable action) {
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            action.run();
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to do before the commit
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    action.run();
                }
            }
        });
    }

    /** Like {@link #run}, but at most once per transaction for the same {@code key} (e.g. the calling class). */
    public void runOnce(Object key, Runnable action) {
        if (transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
            Object marker = AfterCommit.class.getName() + ":" + key;
            if (transactions.getResource(marker) != null) {
                return;
            }
            transactions.putResource(marker, Boolean.TRUE);
        }
        run(action);
    }
}
