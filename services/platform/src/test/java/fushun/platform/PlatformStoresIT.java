package fushun.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fushun.platform.outbox.OutboxPurge;
import fushun.platform.pii.PiiRevealAudit;
import fushun.platform.policy.PolicyParameters;
import fushun.platform.testapp.PlatformTestApplication;
import fushun.platform.testsupport.TestDatabases;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The platform's tables besides outbox and inbox delivery: purge, reveal audit, policy lookup. Real PostgreSQL. */
@SpringBootTest(classes = PlatformTestApplication.class, properties = "platform.outbox.retention=1h")
@EmbeddedKafka(partitions = 1, topics = PlatformTestApplication.TOPIC, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class PlatformStoresIT {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestDatabases.newDatabase("platform_stores"));
    }

    @Autowired JdbcClient jdbc;
    @Autowired OutboxPurge purge;
    @Autowired fushun.platform.inbox.InboxPurge inboxPurge;
    @Autowired PiiRevealAudit audit;
    @Autowired PolicyParameters parameters;

    @Test
    void shouldPurgeInboxEntriesOlderThanTheirRetentionOnly() {
        java.util.UUID old = java.util.UUID.randomUUID();
        java.util.UUID recent = java.util.UUID.randomUUID();
        jdbc.sql("insert into inbox_event (consumer, event_id, event_type, received_at) values ('c', :e, 'T', now() - interval '31 days')")
                .param("e", old).update();
        jdbc.sql("insert into inbox_event (consumer, event_id, event_type, received_at) values ('c', :e, 'T', now() - interval '29 days')")
                .param("e", recent).update();

        assertThat(inboxPurge.purge()).isGreaterThanOrEqualTo(1);

        assertThat(jdbc.sql("select event_id from inbox_event where event_id in (:a, :b)").param("a", old).param("b", recent)
                .query(java.util.UUID.class).list()).containsExactly(recent);
        assertThatThrownBy(() -> new fushun.platform.inbox.InboxPurge(jdbc, java.time.Duration.ofDays(7), java.time.Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldPurgeOnlySentRowsOlderThanRetention() {
        insertOutbox("old-sent", "now() - interval '2 hours'");
        insertOutbox("fresh-sent", "now() - interval '10 minutes'");
        insertOutbox("old-unsent", null);

        int purged = purge.purge();

        assertThat(purged).isEqualTo(1);
        assertThat(jdbc.sql("select type from outbox_event order by id").query(String.class).list())
                .containsExactly("fresh-sent", "old-unsent");
    }

    @Test
    void shouldAuditEveryRevealAndRefuseOneWithoutReason() {
        String household = UUID.randomUUID().toString();

        audit.record("xinbin-operator", "household", household, "idNumber", "核对低保申请材料");
        audit.record("xinbin-operator", "household", household, "phone", "电话回访");

        assertThat(audit.countFor("household", household)).isEqualTo(2);
        assertThatThrownBy(() -> audit.record("xinbin-operator", "household", household, "idNumber", " "))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(audit.countFor("household", household)).isEqualTo(2);
    }

    @Test
    void shouldPickValueInForceOnDateWithCountyValueOverCityWide() {
        jdbc.sql("""
                insert into policy_parameter (name, scope, effective_from, value) values
                  ('test.line', '*', date '2021-01-01', 6600), ('test.line', '*', date '2022-01-01', 7260),
                  ('test.line', '210422', date '2022-07-01', 7500)""").update();

        assertThat(parameters.valueAt("test.line", "210423", LocalDate.of(2020, 12, 31))).isEmpty();
        assertThat(parameters.required("test.line", "210423", LocalDate.of(2021, 12, 31)).value()).isEqualByComparingTo("6600");
        assertThat(parameters.required("test.line", "210423", LocalDate.of(2022, 1, 1)).value()).isEqualByComparingTo("7260");
        assertThat(parameters.required("test.line", "210422", LocalDate.of(2022, 6, 30)).version())
                .isEqualTo("test.line[*]@2022-01-01");
        assertThat(parameters.required("test.line", "210422", LocalDate.of(2022, 7, 1)).version())
                .isEqualTo("test.line[210422]@2022-07-01");
    }

    private void insertOutbox(String type, String sentAt) {
        jdbc.sql("insert into outbox_event (event_id, aggregatetype, aggregateid, type, topic, payload, sent_at) "
                        + "values (:id, 'test', 'k', :type, 't', '{}', " + (sentAt == null ? "null" : sentAt) + ")")
                .param("id", UUID.randomUUID()).param("type", type).update();
    }
}
