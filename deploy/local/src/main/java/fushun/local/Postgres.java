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
import org.postgresql.PGConnection;

/**
 * One PostgreSQL server, one database per service (and one for Keycloak), each owned by its own
 * login role with a generated password. Embedded by default (zonky's binaries, data kept in the
 * data directory between starts, listening on loopback with SCRAM passwords only), or an external
 * server reached with an administrator's credentials.
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

    static Postgres start(LocalPlatformOptions options, LocalSecrets secrets) throws IOException, SQLException {
        if (options.postgresUrl() != null && !options.postgresUrl().isBlank()) {
            return new Postgres(null, options.postgresUrl(), options.postgresUser(), options.postgresPassword(), null);
        }
        Path dataDir = options.dataDir().resolve("postgres");
        Files.createDirectories(dataDir);
        String superuserPassword = secrets.get("postgres.superuser.password");
        // A new cluster (initdb trusts local connections) gets its superuser's password at its first
        // start and SCRAM-only authentication after; the marker, inside the cluster's own directory,
        // says the password is set (a deleted cluster takes its marker with it).
        Path passwordSet = dataDir.resolve("fushun-password-set");
        boolean firstStart = !Files.exists(passwordSet);
        requireMajorVersion(dataDir);
        EmbeddedPostgres server = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPort(options.ports().postgres())
                .setServerConfig("listen_addresses", "localhost")
                .setServerConfig("password_encryption", "scram-sha-256")
                // the server's log never quotes the values a statement refused (ID numbers, say)
                .setServerConfig("log_error_verbosity", "terse")
                .setConnectConfig("password", superuserPassword)
                .setDataDirectoryCustomizer(dir -> writeHba(dir.toPath(), firstStart ? "trust" : "scram-sha-256"))
                .start();
        String baseUrl = "jdbc:postgresql://localhost:" + options.ports().postgres() + "/";
        if (firstStart) {
            try (Connection c = DriverManager.getConnection(baseUrl + "postgres", "postgres", "");
                 Statement s = c.createStatement()) {
                setPassword(c, "postgres", superuserPassword);
                writeHba(dataDir, "scram-sha-256");
                s.execute("select pg_reload_conf()");
            }
            Files.writeString(passwordSet, "the superuser's password is in " + LocalSecrets.FILE + "\n");
        }
        return new Postgres(server, baseUrl, "postgres", superuserPassword, dataDir);
    }

    /** The major version the platform runs (the binaries' on the classpath, and compose's image). */
    static final String MAJOR_VERSION = "17";

    /**
     * A cluster made by another major version (the local platform ran PostgreSQL 14 until
     * 2026-12-02) cannot be opened: say so, and what to do, instead of PostgreSQL's own error.
     */
    static void requireMajorVersion(Path dataDir) throws IOException {
        Path version = dataDir.resolve("PG_VERSION");
        if (Files.exists(version) && !Files.readString(version).strip().equals(MAJOR_VERSION)) {
            throw new IllegalStateException("the local database in " + dataDir + " was made by PostgreSQL "
                    + Files.readString(version).strip() + "; the platform now runs PostgreSQL " + MAJOR_VERSION
                    + ". Delete the data folder for a fresh city (it holds only synthetic demo data), "
                    + "or choose another with PLATFORM_DATA_DIR.");
        }
    }

    private static void writeHba(Path dataDir, String method) {
        try {
            Files.writeString(dataDir.resolve("pg_hba.conf"), """
                    # written by the local platform launcher: loopback only, passwords (SCRAM) only
                    local all all %1$s
                    host  all all 127.0.0.1/32 %1$s
                    host  all all ::1/128 %1$s
                    """.formatted(method));
        } catch (IOException e) {
            throw new IllegalStateException("cannot write pg_hba.conf", e);
        }
    }

    /**
     * Each database with a login role of the same name that owns it and may connect to it alone;
     * the role's password is (re)set from the secrets at every start.
     */
    void createDatabases(List<String> names, LocalSecrets secrets) throws SQLException {
        try (Connection c = DriverManager.getConnection(baseUrl + "postgres", user, password);
             Statement s = c.createStatement()) {
            for (String name : names) {
                try (var rs = s.executeQuery("select 1 from pg_roles where rolname = " + literal(name))) {
                    if (!rs.next()) {
                        s.execute("create role " + name + " login");
                    }
                }
                setPassword(c, name, secrets.get(Postgres.passwordKey(name)));
                try (var rs = s.executeQuery("select 1 from pg_database where datname = " + literal(name))) {
                    if (!rs.next()) {
                        s.execute("create database " + name + " owner " + name);
                    }
                }
                s.execute("revoke all on database " + name + " from public");
            }
        }
        // PostgreSQL 14 and older let every role create in schema public: only the owner may here
        for (String name : names) {
            try (Connection c = DriverManager.getConnection(baseUrl + name, user, password);
                 Statement s = c.createStatement()) {
                s.execute("alter schema public owner to " + name);
                s.execute("revoke create on schema public from public");
            }
        }
    }

    /** Hashed (SCRAM) by the driver: the password itself is never in a statement the server could log. */
    private static void setPassword(Connection c, String role, String password) throws SQLException {
        c.unwrap(PGConnection.class).alterUserPassword(role, password.toCharArray(), "scram-sha-256");
    }

    /** The secrets file's name for a database role's password. */
    static String passwordKey(String database) {
        return "postgres." + database + ".password";
    }

    /** A database's role is named after it (see {@link #createDatabases}). */
    static String role(String database) {
        return database;
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
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
