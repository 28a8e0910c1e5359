package fushun.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fushun.contracts.EventCodec;
import fushun.contracts.monitoring.HouseholdRegistered;
import fushun.platform.testapp.PlatformTestApplication;
import fushun.platform.testsupport.Events;
import fushun.platform.testsupport.TestDatabases;
import fushun.platform.testsupport.TopicReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The relay woken by another instance's commit: a row written and notified on a connection of its
 * own (as another instance's writer would; this relay's writer takes no part) is published with the
 * poll at an hour; and the listening connection's loss is survived: once listening again, a new
 * notification still wakes the relay.
 */
@SpringBootTest(classes = PlatformTestApplication.class, properties = {
        "platform.outbox.relay-enabled=true",
        "platform.outbox.relay-interval=1h"})
@EmbeddedKafka(partitions = 1, topics = {PlatformTestApplication.TOPIC, PlatformTestApplication.TOPIC + ".DLT"},
        bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class OutboxListenIT {

    private static final Duration AT_ONCE = Duration.ofSeconds(15);

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestDatabases.newDatabase("platform_listen"));
    }

    @Autowired OutboxNotifications notifications;
    @Autowired RelayThread relayThread;
    @Autowired EmbeddedKafkaBroker broker;
    @Autowired JdbcClient jdbc;
    @Autowired DataSource dataSource;
    @Autowired EventCodec codec;

    @Test
    void shouldPublishARowAnotherInstanceWroteAndNotified() throws SQLException {
        awaitListeningAndIdle();
        long wakeUps = relayThread.wakeUps();
        UUID household = UUID.randomUUID();

        writeAndNotifyAsAnotherInstance(household);

        assertPublished(household);
        assertThat(relayThread.wakeUps()).as("woken by the notification").isGreaterThan(wakeUps);
    }

    @Test
    void shouldListenAgainAfterItsConnectionIsTerminatedAndBeWokenByTheNextNotification() throws SQLException {
        int lost = awaitListeningAndIdle();

        assertThat(jdbc.sql("select pg_terminate_backend(:pid)").param("pid", lost).query(Boolean.class).single()).isTrue();

        await().atMost(AT_ONCE).until(() -> notifications.backendPid() != 0 && notifications.backendPid() != lost);
        int again = awaitListeningAndIdle();
        assertThat(jdbc.sql("select application_name from pg_stat_activity where pid = :pid")
                .param("pid", again).query(String.class).single()).as("a connection of its own, beside the pool")
                .isEqualTo("outbox-listener");
        UUID household = UUID.randomUUID();

        writeAndNotifyAsAnotherInstance(household);

        assertPublished(household);
    }

    /** The listening connection's process, once it listens and the relay waits with nothing to do. */
    private int awaitListeningAndIdle() {
        await().atMost(AT_ONCE).until(() -> notifications.backendPid() != 0);
        await().atMost(AT_ONCE).until(relayThread::idle);
        return notifications.backendPid();
    }

    /** A plain JDBC insert and pg_notify on a connection of its own, in one transaction. */
    private void writeAndNotifyAsAnotherInstance(UUID household) throws SQLException {
        HouseholdRegistered data = Events.household(household, "别的实例");
        try (Connection other = OutboxNotifications.besidePool(dataSource).open()) {
            other.setAutoCommit(false);
            try (PreparedStatement insert = other.prepareStatement("""
                    insert into platform.outbox_event (event_id, aggregatetype, aggregateid, type, topic, payload)
                    values (?, 'platform-test.household', ?, 'HouseholdRegistered', ?, ?)""")) {
                insert.setObject(1, UUID.randomUUID());
                insert.setString(2, household.toString());
                insert.setString(3, PlatformTestApplication.TOPIC);
                insert.setString(4, codec.write(Events.envelope(data)));
                insert.executeUpdate();
            }
            try (Statement notify = other.createStatement()) {
                notify.execute("select pg_notify('" + RelayWake.CHANNEL + "', '')");
            }
            other.commit();
        }
    }

    private void assertPublished(UUID household) {
        List<ConsumerRecord<String, String>> read = TopicReader.readUntil(broker.getBrokersAsString(),
                PlatformTestApplication.TOPIC, r -> household.toString().equals(r.key()), AT_ONCE);
        assertThat(read).extracting(ConsumerRecord::key).contains(household.toString());
        await().atMost(AT_ONCE).until(() -> jdbc.sql("select count(*) from outbox_event where sent_at is null")
                .query(Long.class).single() == 0);
    }
}
