package fushun.platform;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Migrates the platform's own tables (outbox, inbox, audit, policy parameters) with a history
 * table of their own, so the platform's migrations never interleave with a service's versions.
 */
public class PlatformSchema {

    public PlatformSchema(DataSource dataSource) {
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
