package fushun.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import fushun.contracts.EventCodec;
import fushun.contracts.monitoring.HouseholdRegistered;
import fushun.platform.PlatformProperties;
import fushun.platform.testapp.PlatformTestApplication;
import fushun.platform.testsupport.Events;
import fushun.platform.testsupport.TestDatabases;
import fushun.platform.testsupport.TopicReader;
import fushun.platform.web.ConflictException;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A row the broker refuses for good no longer stops the outbox: it is parked after its attempts,
 * its key waits behind it, every other key goes on, and an administrator's discard lets its key go
 * on too. And a relay that dies between sending and marking sends again, applied once.
 */
@SpringBootTest(classes = PlatformTestApplication.class)
@EmbeddedKafka(partitions = 1, topics = {PlatformTestApplication.TOPIC, PlatformTestApplication.TOPIC + ".DLT"},
        bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class OutboxParkingIT {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestDatabases.newDatabase("platform_parking"));
    }

    @Autowired JdbcClient jdbc;
    @Autowired OutboxWriter outbox;
    @Autowired OutboxRelay relay;
    @Autowired OutboxAdmin admin;
    @Autowired TransactionTemplate transaction;
    @Autowired EventCodec codec;
    @Autowired EmbeddedKafkaBroker broker;
    @Autowired PlatformProperties properties;

    @Test
    void shouldParkAnUnsendableRowAndLetEveryOtherKeyGoOn() {
        UUID stuck = UUID.randomUUID();
        // 2 MB: over the producer's 1 MB request limit, refused every time
        long big = jdbc.sql("""
                        insert into outbox_event (event_id, aggregatetype, aggregateid, type, topic, payload)
                        values (:e, 'Household', :k, 'HouseholdRegistered', :t, :p) returning id""")
                .param("e", UUID.randomUUID()).param("k", stuck.toString()).param("t", PlatformTestApplication.TOPIC)
                .param("p", "x".repeat(2 * 1024 * 1024)).query(Long.class).single();
        append(stuck, "同一户的下一条");
        UUID[] others = {UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()};
        for (UUID other : others) {
            append(other, "别的户");
        }

        for (int pass = 0; pass < properties.outbox().maxAttempts(); pass++) {
            relay.publishPending();
        }

        for (UUID other : others) {
            await().atMost(Duration.ofSeconds(30)).until(() -> applied(other) == 1);
        }
        assertThat(jdbc.sql("select attempts from outbox_event where id = :id").param("id", big).query(Integer.class).single())
                .isEqualTo(properties.outbox().maxAttempts());
        OutboxAdmin.ParkedRow parked = admin.parked(0, 20).items().get(0);
        assertThat(parked.id()).isEqualTo(big);
        assertThat(parked.lastError()).contains("RecordTooLarge");
        assertThat(admin.figures().parked()).isEqualTo(1);
        assertThat(admin.figures().unsent()).as("the parked row and its key's next one").isEqualTo(2);
        // a further pass leaves the parked row alone (no new attempt) and its key waits
        relay.publishPending();
        assertThat(jdbc.sql("select attempts from outbox_event where id = :id").param("id", big).query(Integer.class).single())
                .isEqualTo(properties.outbox().maxAttempts());
        assertThat(applied(stuck)).isZero();

        assertThatThrownBy(() -> admin.discard(otherRow(others[0]), "city-admin")).isInstanceOf(ConflictException.class);
        admin.discard(big, "city-admin");
        relay.publishPending();

        await().atMost(Duration.ofSeconds(30)).until(() -> applied(stuck) == 1);
        assertThat(admin.figures().unsent()).isZero();
        assertThat(jdbc.sql("select action || ':' || actor from outbox_admin_audit where outbox_id = :id")
                .param("id", big).query(String.class).list()).containsExactly("DISCARD:city-admin");
    }

    @Test
    void shouldSendAgainAfterACrashBetweenSendingAndMarkingAndApplyOnce() {
        UUID household = UUID.randomUUID();
        append(household, "崩溃之前");

        // the relay sent, then died before it marked the row sent
        relay.send(relay.claim());
        assertThat(jdbc.sql("select count(*) from outbox_event where sent_at is null").query(Long.class).single()).isEqualTo(1);
        relay.publishPending();

        java.util.concurrent.atomic.AtomicInteger copies = new java.util.concurrent.atomic.AtomicInteger();
        assertThat(TopicReader.readUntil(broker.getBrokersAsString(), PlatformTestApplication.TOPIC,
                        r -> household.toString().equals(r.key()) && copies.incrementAndGet() == 2, Duration.ofSeconds(30))
                .stream().filter(r -> household.toString().equals(r.key())).count()).as("on the topic twice").isEqualTo(2);
        await().atMost(Duration.ofSeconds(30)).until(() -> applied(household) == 1);
        assertThat(jdbc.sql("select count(*) from outbox_event where sent_at is null").query(Long.class).single()).isZero();
    }

    private void append(UUID household, String name) {
        HouseholdRegistered registered = Events.household(household, name);
        transaction.executeWithoutResult(status ->
                outbox.append(PlatformTestApplication.TOPIC, household.toString(), registered.divisionCode(), registered));
    }

    private long otherRow(UUID household) {
        return jdbc.sql("select id from outbox_event where aggregateid = :k").param("k", household.toString())
                .query(Long.class).single();
    }

    private long applied(UUID household) {
        return jdbc.sql("select count(*) from applied_effect where household_id = :id")
                .param("id", household).query(Long.class).single();
    }
}
