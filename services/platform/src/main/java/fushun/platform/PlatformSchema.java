package fushun.platform;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;

/**
 * Migrates the platform's own tables (outbox, inbox, audit, policy parameters) first, with a
 * history table of their own so the platform's versions never interleave with a service's, then
 * the service's migrations, which may rely on the platform's tables (e.g. to seed parameters).
 */
public class PlatformSchema implements FlywayMigrationStrategy {

    @Override
    public void migrate(Flyway serviceFlyway) {
        migratePlatformTables(serviceFlyway.getConfiguration().getDataSource());
        serviceFlyway.migrate();
    }

    static void migratePlatformTables(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .table("platform_schema_history")
                .locations("classpath:db/platform")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }
}
