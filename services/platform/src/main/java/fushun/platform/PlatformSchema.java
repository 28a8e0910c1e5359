package fushun.platform;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Migrates the platform's own tables (outbox, inbox, audit, policy parameters) first, into a
 * schema of their own ({@value #SCHEMA}, with its own history table), then the service's
 * migrations into {@code public}, which may rely on the platform's tables (e.g. to seed
 * parameters): every connection's search path is {@code public, platform}
 * ({@code spring.datasource.hikari.connection-init-sql} in the platform's defaults).
 *
 * <p>Neither migration baselines: the service's schema starts empty, so Flyway never has to guess
 * what an unknown non-empty schema holds. A database from before the split (the platform's tables
 * in {@code public}) is refused with a message rather than migrated beside them.
 */
public class PlatformSchema implements FlywayMigrationStrategy {

    static final String SCHEMA = "platform";

    @Override
    public void migrate(Flyway serviceFlyway) {
        DataSource dataSource = serviceFlyway.getConfiguration().getDataSource();
        refuseEarlierLayout(dataSource);
        migratePlatformTables(dataSource);
        serviceFlyway.migrate();
    }

    static void migratePlatformTables(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .schemas(SCHEMA)
                .table("platform_schema_history")
                .locations("classpath:db/platform")
                .load()
                .migrate();
    }

    private static void refuseEarlierLayout(DataSource dataSource) {
        boolean earlier = JdbcClient.create(dataSource)
                .sql("select to_regclass('public.platform_schema_history') is not null")
                .query(Boolean.class).single();
        if (earlier) {
            throw new IllegalStateException("This database was made by an earlier version that kept the platform's "
                    + "tables in schema public. No production database was ever made with it: drop the database "
                    + "(for the local platform, delete its data folder) and start again.");
        }
    }
}
