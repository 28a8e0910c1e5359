package fushun.platform.testsupport;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A new database migrated as a service's is (the platform's tables first, then the service's own),
 * but the service's only up to a version: to test a later migration against rows that an earlier
 * layout held. Connections see {@code public, platform}, as the services' do.
 */
public final class MigrationSteps {

    private MigrationSteps() {
    }

    /** Every platform migration, and the service's up to and including {@code version}. */
    public static DataSource migratedUpTo(String service, String version) {
        DriverManagerDataSource database = new DriverManagerDataSource(
                TestDatabases.newDatabase(service + "_steps") + "?currentSchema=public,platform", "postgres", "");
        Flyway.configure().dataSource(database).schemas("platform").table("platform_schema_history")
                .locations("classpath:db/platform").load().migrate();
        serviceMigrations(database).target(version).load().migrate();
        return database;
    }

    /** The service's migrations after those already applied. */
    public static void migrateTheRest(DataSource database) {
        serviceMigrations(database).load().migrate();
    }

    private static FluentConfiguration serviceMigrations(DataSource database) {
        return Flyway.configure().dataSource(database).locations("classpath:db/migration");
    }
}
