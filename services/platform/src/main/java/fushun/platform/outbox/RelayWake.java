package fushun.platform.outbox;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells the relays that a transaction gave them work, once it commits: every instance through
 * PostgreSQL's {@code NOTIFY} (delivered only if the transaction commits, after it), and this
 * instance's relay at once in process. Once per transaction, however many events it writes. A
 * rolled-back transaction tells nobody anything.
 */
public class RelayWake {

    /** The notification channel; LISTEN/NOTIFY is per database, so one name serves every service. */
    public static final String CHANNEL = "platform_outbox";

    private final JdbcClient jdbc;
    private final Runnable wakeLocalRelay;

    /** @param wakeLocalRelay wakes this instance's relay; only signals (a flag), never touches the database */
    public RelayWake(JdbcClient jdbc, Runnable wakeLocalRelay) {
        this.jdbc = jdbc;
        this.wakeLocalRelay = wakeLocalRelay;
    }

    /** In the caller's transaction (there must be one): the relays are woken when it commits. */
    public void onCommit() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("the outbox is written inside a transaction");
        }
        // the current transaction's synchronizations only (an outer, suspended one has its own)
        for (TransactionSynchronization registered : TransactionSynchronizationManager.getSynchronizations()) {
            if (registered instanceof AfterCommit mine && mine.owner() == this) {
                return;
            }
        }
        TransactionSynchronizationManager.registerSynchronization(new AfterCommit(this));
    }

    /**
     * NOTIFY just before the commit, outside any savepoint: issued at the first write, a savepoint
     * rolled back after it (a refused household of a roster chunk) would take it away while later
     * writes of the transaction found the synchronization registered and notified nobody.
     */
    private record AfterCommit(RelayWake owner) implements TransactionSynchronization {
        @Override
        public void beforeCommit(boolean readOnly) {
            owner.jdbc.sql("select pg_notify('" + CHANNEL + "', '')").query((rs, n) -> 1).list();
        }

        @Override
        public void afterCommit() {
            owner.wakeLocalRelay.run();
        }
    }
}
