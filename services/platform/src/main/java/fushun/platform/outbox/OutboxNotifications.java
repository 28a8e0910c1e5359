package fushun.platform.outbox;

import com.zaxxer.hikari.HikariDataSource;
import fushun.platform.pii.PiiMasking;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Listens on the outbox channel ({@link RelayWake#CHANNEL}) and wakes this instance's relay on
 * every notification, so a row another instance committed leaves at once whichever instance holds
 * the relay's lock: every instance hears every notification, the lock holder included, and runs one
 * more pass.
 *
 * <p>The listening connection is its own, opened with the pool's URL and credentials beside the
 * pool (one more connection per instance), so none of the pool's few connections is held for ever.
 * When it is lost (the database restarted, the connection was terminated) it is opened again with
 * back-off (100 ms doubling to 10 s); once listening again the relay is woken once, for whatever was
 * committed while nobody here listened. A connection that died without a word is found by a
 * round trip after 10 s without a notification.
 */
public class OutboxNotifications implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxNotifications.class);
    private static final int WAIT_MILLIS = 500;
    private static final long CHECK_AFTER_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final long FIRST_BACKOFF_MILLIS = 100;
    private static final long MAX_BACKOFF_MILLIS = TimeUnit.SECONDS.toMillis(10);

    private final ConnectionOpener opener;
    private final Runnable wake;
    private volatile boolean running;
    private volatile Connection current;
    private volatile int backendPid;
    private Thread thread;

    /** Opens a connection for listening. */
    @FunctionalInterface
    public interface ConnectionOpener {
        Connection open() throws SQLException;
    }

    public OutboxNotifications(ConnectionOpener opener, Runnable wake) {
        this.opener = opener;
        this.wake = wake;
    }

    /**
     * A connection beside the pool: the Hikari pool's URL, credentials and driver properties on a
     * fresh driver connection. Only when the pool cannot tell them (not Hikari, a data source class
     * instead of a URL) does the listener borrow one of the pool's connections, for as long as it listens.
     */
    public static ConnectionOpener besidePool(DataSource dataSource) {
        try {
            if (dataSource.isWrapperFor(HikariDataSource.class)) {
                HikariDataSource hikari = dataSource.unwrap(HikariDataSource.class);
                String url = hikari.getJdbcUrl();
                if (url != null && url.startsWith("jdbc:postgresql:")) {
                    Properties properties = new Properties();
                    properties.putAll(hikari.getDataSourceProperties());
                    if (hikari.getUsername() != null) {
                        properties.setProperty("user", hikari.getUsername());
                    }
                    if (hikari.getPassword() != null) {
                        properties.setProperty("password", hikari.getPassword());
                    }
                    properties.putIfAbsent("ApplicationName", "outbox-listener");
                    properties.putIfAbsent("tcpKeepAlive", "true");
                    // the heartbeat's round trip ends in 30 s on a half-open connection, not the
                    // kernel's retransmission timeout (getNotifications sets its own per wait)
                    properties.putIfAbsent("socketTimeout", "30");
                    org.postgresql.Driver driver = new org.postgresql.Driver();
                    return () -> driver.connect(url, properties);
                }
            }
        } catch (SQLException e) {
            log.warn("Outbox listener: the pool's settings are unreadable, it borrows a pooled connection: {}",
                    PiiMasking.scrub(e.toString()));
        }
        log.info("Outbox listener: no JDBC URL to open a connection of its own; it holds one of the pool's connections");
        return dataSource::getConnection;
    }

    private void loop() {
        long backoff = FIRST_BACKOFF_MILLIS;
        while (running) {
            long listeningSince = 0;
            try (Connection connection = opener.open()) {
                current = connection;
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("listen " + RelayWake.CHANNEL);
                }
                int pid = pidOf(connection);
                listeningSince = System.nanoTime();
                wake.run();
                backendPid = pid;
                listen(connection.unwrap(PGConnection.class), connection);
            } catch (SQLException | RuntimeException e) {
                backendPid = 0;
                if (!running) {
                    return;
                }
                if (listeningSince != 0 && System.nanoTime() - listeningSince > CHECK_AFTER_NANOS) {
                    // it listened a while: a new loss, not a server that drops it right after LISTEN
                    backoff = FIRST_BACKOFF_MILLIS;
                }
                log.warn("Outbox listener lost its connection, listening again in {} ms (the fallback poll covers the gap): {}",
                        backoff, PiiMasking.scrub(e.toString()));
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException interrupted) {
                    return;
                }
                backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
            } finally {
                current = null;
                backendPid = 0;
            }
        }
    }

    private void listen(PGConnection notifications, Connection connection) throws SQLException {
        long heardAt = System.nanoTime();
        while (running) {
            PGNotification[] received = notifications.getNotifications(WAIT_MILLIS);
            if (received != null && received.length > 0) {
                wake.run();
                heardAt = System.nanoTime();
            } else if (System.nanoTime() - heardAt > CHECK_AFTER_NANOS) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("select 1");
                }
                heardAt = System.nanoTime();
            }
        }
    }

    private static int pidOf(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("select pg_backend_pid()")) {
            result.next();
            return result.getInt(1);
        }
    }

    /**
     * The listening connection's server process, 0 while not listening; set once it listens and has
     * woken the relay for what it may have missed (for tests and operators).
     */
    public int backendPid() {
        return backendPid;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::loop, "outbox-listener");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        Connection connection = current;
        if (connection != null) {
            try {
                // unblocks a wait for notifications at once rather than at its timeout
                connection.abort(Runnable::run);
            } catch (SQLException | RuntimeException ignored) {
                // it is going away either way
            }
        }
        if (thread != null) {
            thread.interrupt(); // ends a back-off sleep
            try {
                thread.join(TimeUnit.SECONDS.toMillis(2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts after the relay's thread and stops before it. */
    @Override
    public int getPhase() {
        return RelayThread.PHASE + 1;
    }
}
