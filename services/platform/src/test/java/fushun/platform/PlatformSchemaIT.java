package fushun.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fushun.platform.testapp.PlatformTestApplication;
import fushun.platform.testsupport.TestDatabases;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The platform's tables live in a schema of their own, so a service's Flyway starts on an empty
 * schema and never baselines: a non-empty schema without history, or a database laid out by an
 * earlier version, is refused instead of being guessed at. Real PostgreSQL.
 */
@SpringBootTest(classes = PlatformTestApplication.class)
@EmbeddedKafka(partitions = 1, topics = PlatformTestApplication.TOPIC, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class PlatformSchemaIT {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestDatabases.newDatabase("platform_schema"));
    }

    @Autowired JdbcClient jdbc;
    @Autowired Flyway serviceFlyway;

    @Test
    void shouldKeepThePlatformsTablesOutOfTheServicesSchemaAndNeverBaseline() {
        assertThat(exists("platform.outbox_event")).isTrue();
        assertThat(exists("platform.platform_schema_history")).isTrue();
        assertThat(exists("public.outbox_event")).isFalse();
        // the service's own migration ran in public from its first version, with no baseline row
        assertThat(exists("public.flyway_schema_history")).isTrue();
        assertThat(jdbc.sql("select count(*) from flyway_schema_history where type = 'BASELINE'").query(Long.class).single())
                .isZero();
        assertThat(jdbc.sql("select min(version) from flyway_schema_history where success").query(String.class).single())
                .isEqualTo("1");
        assertThat(serviceFlyway.getConfiguration().isBaselineOnMigrate()).isFalse();
        // unqualified names reach the platform's tables through the search path
        assertThat(jdbc.sql("select count(*) from outbox_event").query(Long.class).single()).isNotNegative();
    }

    @Test
    void shouldRefuseAServiceSchemaThatHoldsTablesButNoHistory() {
        DriverManagerDataSource stray = database("platform_schema_stray");
        JdbcClient.create(stray).sql("create table something_else (id int)").update();
        Flyway sameConfiguration = Flyway.configure().configuration(serviceFlyway.getConfiguration())
                .dataSource(stray).load();

        assertThatThrownBy(() -> new PlatformSchema().migrate(sameConfiguration))
                .isInstanceOf(FlywayException.class)
                .hasMessageContaining("non-empty schema");
        assertThat(JdbcClient.create(stray).sql("select to_regclass('public.flyway_schema_history') is null")
                .query(Boolean.class).single()).isTrue();
    }

    @Test
    void shouldRefuseADatabaseLaidOutByAnEarlierVersion() {
        DriverManagerDataSource earlier = database("platform_schema_earlier");
        JdbcClient.create(earlier).sql("create table platform_schema_history (installed_rank int)").update();
        Flyway sameConfiguration = Flyway.configure().configuration(serviceFlyway.getConfiguration())
                .dataSource(earlier).load();

        assertThatThrownBy(() -> new PlatformSchema().migrate(sameConfiguration))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("earlier version");
        assertThat(JdbcClient.create(earlier).sql("select to_regnamespace('platform') is null")
                .query(Boolean.class).single()).isTrue();
    }

    private boolean exists(String table) {
        return jdbc.sql("select to_regclass(:t) is not null").param("t", table).query(Boolean.class).single();
    }

    private static DriverManagerDataSource database(String prefix) {
        return new DriverManagerDataSource(TestDatabases.newDatabase(prefix), "postgres", "");
    }
}
