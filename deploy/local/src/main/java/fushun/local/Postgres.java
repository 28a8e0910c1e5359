package fushun.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;

/**
 * One PostgreSQL server, one database per service (and one for Keycloak). Embedded by default
 * (zonky's binaries, data kept in the data directory between starts), or an external server.
 */
final class Postgres implements AutoCloseable {

    private final EmbeddedPostgres embedded;
    private final String baseUrl;
    private final String user;
    private final String password;
    private final Path dataDir;

    private Postgres(EmbeddedPostgres embedded, String baseUrl, String user, String password, Path dataDir) {
        this.embedded = embedded;
        this.baseUrl = baseUrl;
        this.user = user;
        this.password = password;
        this.dataDir = dataDir;
    }

    static Postgres start(LocalPlatformOptions options) throws IOException {
        if (options.postgresUrl() != null && !options.postgresUrl().isBlank()) {
            return new Postgres(null, options.postgresUrl(), options.postgresUser(), options.postgresPassword(), null);
        }
        Path dataDir = options.dataDir().resolve("postgres");
        Files.createDirectories(dataDir);
        EmbeddedPostgres server = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPort(options.ports().postgres())
                // the server's log never quotes the values a statement refused (ID numbers, say)
                .setServerConfig("log_error_verbosity", "terse")
                .start();
        return new Postgres(server, "jdbc:postgresql://localhost:" + options.ports().postgres() + "/", "postgres",
                "postgres", dataDir);
    }

    void createDatabases(List<String> names) throws SQLException {
        try (Connection c = DriverManager.getConnection(baseUrl + "postgres", user, password);
             Statement s = c.createStatement()) {
            for (String name : names) {
                try (var rs = s.executeQuery("select 1 from pg_database where datname = '" + name + "'")) {
                    if (!rs.next()) {
                        s.execute("create database " + name);
                    }
                }
            }
        }
    }

    String url(String database) {
        return baseUrl + database;
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    /** The postmaster's pid, for the memory figure (it is not our child: pg_ctl daemonizes it). */
    Optional<Long> postmasterPid() {
        if (dataDir == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }
}
