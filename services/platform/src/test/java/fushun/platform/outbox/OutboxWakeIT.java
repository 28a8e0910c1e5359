package fushun.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fushun.contracts.monitoring.HouseholdRegistered;
import fushun.platform.testapp.PlatformTestApplication;
import fushun.platform.testsupport.Events;
import fushun.platform.testsupport.TestDatabases;
import fushun.platform.testsupport.TopicReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The relay woken in process by the commit of a transaction that wrote the outbox: with the poll at
 * an hour and no listening connection, a committed event is on the topic at once; a rolled-back
 * transaction wakes nothing, notifies nobody and sends nothing; an administrator's discard of a
 * parked row lets the rows behind it go at once.
 */
@SpringBootTest(classes = PlatformTestApplication.class, properties = {
        "platform.outbox.relay-enabled=true",
        "platform.outbox.relay-interval=1h",
        "platform.outbox.listen=false"})
@EmbeddedKafka(partitions = 1, topics = {PlatformTestApplication.TOPIC, PlatformTestApplication.TOPIC + ".DLT"},
        bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class OutboxWakeIT {

    private static final Duration AT_ONCE = Duration.ofSeconds(15);

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestDatabases.newDatabase("platform_wake"));
    }

    @Autowired OutboxWriter outbox;
    @Autowired RelayThread relayThread;
    @Autowired TransactionTemplate transaction;
    @Autowired EmbeddedKafkaBroker broker;
    @Autowired JdbcClient jdbc;
    @Autowired DataSource dataSource;
    @Autowired ApplicationContext context;
    @Autowired OutboxAdmin admin;

    @Test
    void shouldPublishACommittedEventWithoutWaitingForThePoll() {
        assertThat(context.getBeanNamesForType(OutboxNotifications.class)).as("no listening connection here").isEmpty();
        await().atMost(AT_ONCE).until(relayThread::idle);
        long wakeUps = relayThread.wakeUps();
        UUID household = UUID.randomUUID();
        UUID sameTransaction = UUID.randomUUID();

        transaction.executeWithoutResult(status -> {
            append(household, "唤醒");
            append(sameTransaction, "同一事务");
        });

        assertThat(relayThread.wakeUps()).as("one wake-up for the transaction, however many events").isEqualTo(wakeUps + 1);
        List<ConsumerRecord<String, String>> read = TopicReader.readUntil(broker.getBrokersAsString(),
                PlatformTestApplication.TOPIC, r -> sameTransaction.toString().equals(r.key()), AT_ONCE);
        assertThat(read).extracting(ConsumerRecord::key).contains(household.toString(), sameTransaction.toString());
        await().atMost(AT_ONCE).until(() -> unsent() == 0);
    }

    @Test
    void shouldWakeNothingNotifyNobodyAndSendNothingWhenTheTransactionRollsBack() throws SQLException {
        try (Connection listener = OutboxNotifications.besidePool(dataSource).open()) {
            listener.setAutoCommit(true);
            try (Statement statement = listener.createStatement()) {
                statement.execute("listen " + RelayWake.CHANNEL);
            }
            await().atMost(AT_ONCE).until(relayThread::idle);
            long wakeUps = relayThread.wakeUps();
            UUID rolledBack = UUID.randomUUID();

            transaction.executeWithoutResult(status -> {
                append(rolledBack, "回滚");
                status.setRollbackOnly();
            });

            assertThat(relayThread.wakeUps()).as("no wake-up in process").isEqualTo(wakeUps);
            // then a transaction that commits, and a marker notification after it: notifications
            // arrive in commit order, so all that came before the marker is there when it is
            UUID committed = UUID.randomUUID();
            transaction.executeWithoutResult(status -> append(committed, "提交"));
            assertThat(relayThread.wakeUps()).isEqualTo(wakeUps + 1);
            try (Statement statement = listener.createStatement()) {
                statement.execute("select pg_notify('" + RelayWake.CHANNEL + "', 'marker')");
            }
            List<String> heard = heardUntilMarker(listener);
            assertThat(heard).as("the committed transaction's notification only").containsExactly("");

            List<ConsumerRecord<String, String>> read = TopicReader.readUntil(broker.getBrokersAsString(),
                    PlatformTestApplication.TOPIC, r -> committed.toString().equals(r.key()), AT_ONCE);
            assertThat(read).extracting(ConsumerRecord::key).contains(committed.toString())
                    .doesNotContain(rolledBack.toString());
            assertThat(jdbc.sql("select count(*) from outbox_event where aggregateid = :k")
                    .param("k", rolledBack.toString()).query(Long.class).single()).isZero();
        }
    }

    @Test
    void shouldNotifyOtherInstancesWhenASavepointWithTheFirstEventIsRolledBack() throws SQLException {
        try (Connection listener = OutboxNotifications.besidePool(dataSource).open()) {
            listener.setAutoCommit(true);
            try (Statement statement = listener.createStatement()) {
                statement.execute("listen " + RelayWake.CHANNEL);
            }
            UUID refused = UUID.randomUUID();
            UUID kept = UUID.randomUUID();

            // a roster chunk: the first household's event in a savepoint rolled back, the next one kept
            transaction.executeWithoutResult(status -> {
                Object savepoint = status.createSavepoint();
                append(refused, "回滚到保存点");
                status.rollbackToSavepoint(savepoint);
                append(kept, "保留");
            });

            try (Statement statement = listener.createStatement()) {
                statement.execute("select pg_notify('" + RelayWake.CHANNEL + "', 'marker')");
            }
            assertThat(heardUntilMarker(listener)).as("the commit told the other instances").containsExactly("");
        }
    }

    @Test
    void shouldSendTheRowsBehindAParkedRowWhenAnAdministratorDiscardsIt() {
        UUID household = UUID.randomUUID();
        long parked = jdbc.sql("""
                        insert into outbox_event (event_id, aggregatetype, aggregateid, type, topic, payload, attempts, parked_at)
                        values (:e, 'platform-test.household', :k, 'HouseholdRegistered', :t, '{}', 5, now()) returning id""")
                .param("e", UUID.randomUUID()).param("k", household.toString()).param("t", PlatformTestApplication.TOPIC)
                .query(Long.class).single();
        transaction.executeWithoutResult(status -> append(household, "搁置之后"));
        // its commit woke the relay, whose pass left the row behind the parked one
        await().atMost(AT_ONCE).until(relayThread::idle);
        assertThat(jdbc.sql("select count(*) from outbox_event where aggregateid = :k and sent_at is null")
                .param("k", household.toString()).query(Long.class).single()).isEqualTo(2);

        admin.discard(parked, "city-admin");

        List<ConsumerRecord<String, String>> read = TopicReader.readUntil(broker.getBrokersAsString(),
                PlatformTestApplication.TOPIC, r -> household.toString().equals(r.key()), AT_ONCE);
        assertThat(read).extracting(ConsumerRecord::key).contains(household.toString());
    }

    private static List<String> heardUntilMarker(Connection listener) throws SQLException {
        List<String> heard = new ArrayList<>();
        long deadline = System.nanoTime() + AT_ONCE.toNanos();
        while (System.nanoTime() < deadline) {
            PGNotification[] received = listener.unwrap(PGConnection.class).getNotifications(200);
            for (PGNotification notification : received == null ? new PGNotification[0] : received) {
                if ("marker".equals(notification.getParameter())) {
                    return heard;
                }
                heard.add(notification.getParameter());
            }
        }
        throw new AssertionError("the marker notification never came; heard " + heard);
    }

    private void append(UUID household, String name) {
        HouseholdRegistered data = Events.household(household, name);
        outbox.append(PlatformTestApplication.TOPIC, household.toString(), data.divisionCode(), data);
    }

    private long unsent() {
        return jdbc.sql("select count(*) from outbox_event where sent_at is null").query(Long.class).single();
    }
}
