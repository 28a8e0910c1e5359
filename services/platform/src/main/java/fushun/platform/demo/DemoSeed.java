package fushun.platform.demo;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A service's own demo data for the local platform: seeded once, when the launcher asks for demo
 * data ({@code platform.demo-data}) and the service's table is still empty. Subclasses say which
 * table and what to insert; the data itself stays in the service that owns it.
 */
public abstract class DemoSeed {

    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private TransactionTemplate transaction;
    @Value("${platform.demo-data:false}")
    private boolean enabled;

    /** The table that, when empty, means nothing has been seeded yet. */
    protected abstract String table();

    /** Inserts the demo data, in one transaction with the check. */
    protected abstract void seed(JdbcClient jdbc);

    @EventListener(ApplicationReadyEvent.class)
    void seedOnce() {
        if (!enabled) {
            return;
        }
        transaction.executeWithoutResult(status -> {
            // two instances starting together: one seeds, the other then finds the rows
            jdbc.sql("select pg_advisory_xact_lock(hashtext(:k))").param("k", "demo:" + table()).query((rs, n) -> 1).list();
            if (jdbc.sql("select count(*) from " + table()).query(Long.class).single() == 0) {
                seed(jdbc);
            }
        });
    }
}
