package fushun.platform.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL server per test JVM (zonky's embedded binaries, no Docker), and a fresh
 * database for each test context that asks, so contexts never see each other's rows.
 */
public final class TestDatabases {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres server;

    private TestDatabases() {
    }

    /** A JDBC URL of a new, empty database; user {@code postgres}, no password. */
    public static synchronized String newDatabase(String prefix) {
        try {
            if (server == null) {
                // terse: the server's log never quotes the values a statement refused (ID numbers, say)
                server = EmbeddedPostgres.builder().setServerConfig("log_error_verbosity", "terse").start();
                Runtime.getRuntime().addShutdownHook(new Thread(TestDatabases::stop));
            }
            String name = prefix.replaceAll("[^a-z0-9_]", "_") + "_" + COUNTER.incrementAndGet();
            try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("create database " + name);
            }
            return "jdbc:postgresql://localhost:" + server.getPort() + "/" + name;
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("embedded PostgreSQL unavailable", e);
        }
    }

    private static synchronized void stop() {
        try {
            if (server != null) {
                server.close();
            }
        } catch (IOException ignored) {
            // the JVM is going away
        }
    }
}
