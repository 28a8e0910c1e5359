package fushun.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fushun.contracts.EventCodec;
import fushun.contracts.EventEnvelope;
import fushun.contracts.monitoring.HouseholdRegistered;
import fushun.platform.health.KafkaReachable;
import fushun.platform.outbox.OutboxRelay;
import fushun.platform.outbox.OutboxWriter;
import fushun.platform.testapp.HouseholdListener;
import fushun.platform.testapp.PlatformTestApplication;
import fushun.platform.testsupport.Events;
import fushun.platform.testsupport.MovableClock;
import fushun.platform.testsupport.TestDatabases;
import fushun.platform.testsupport.TopicReader;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/** The outbox, inbox and dead-letter mechanisms against a real KRaft broker and a real PostgreSQL. */
@SpringBootTest(classes = PlatformTestApplication.class)
@EmbeddedKafka(partitions = 1, topics = {PlatformTestApplication.TOPIC, PlatformTestApplication.TOPIC + ".DLT"},
        bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class OutboxInboxIT {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestDatabases.newDatabase("platform_outbox"));
    }

    @Autowired KafkaTemplate<String, String> kafka;
    @Autowired EventCodec codec;
    @Autowired JdbcClient jdbc;
    @Autowired OutboxWriter outbox;
    @Autowired OutboxRelay relay;
    @Autowired TransactionTemplate transaction;
    @Autowired EmbeddedKafkaBroker broker;
    @Autowired Tracer tracer;
    @Autowired KafkaReachable kafkaReachable;
    @Autowired KafkaListenerEndpointRegistry listeners;

    @Autowired io.micrometer.core.instrument.MeterRegistry meters;

    /** A risk signal stored in the outbox is counted by bureau and risk type when its transaction commits, not before. */
    @Test
    void shouldCountARiskSignalOnceItsTransactionCommitsAndNotWhenRolledBack() {
        double before = signalsCounted();
        UUID household = UUID.randomUUID();
        var signal = new fushun.contracts.bureau.RiskSignalObserved(UUID.randomUUID(), household,
                fushun.contracts.Bureau.HOUSING, fushun.contracts.RiskType.UNSAFE_HOUSING, "测试", Map.of(), null,
                java.time.Instant.now());

        transaction.executeWithoutResult(status -> {
            outbox.append("housing-safety.signal.v1", household.toString(), "210422100201", signal);
            assertThat(signalsCounted()).as("not before the commit").isEqualTo(before);
        });
        assertThat(signalsCounted()).isEqualTo(before + 1);

        transaction.executeWithoutResult(status -> {
            outbox.append("housing-safety.signal.v1", household.toString(), "210422100201", signal);
            status.setRollbackOnly();
        });
        transaction.executeWithoutResult(status -> outbox.append(PlatformTestApplication.TOPIC, household.toString(),
                "210422100201", Events.household(household, "不是信号")));
        assertThat(signalsCounted()).as("a rolled-back signal and other events are not counted").isEqualTo(before + 1);
        // these rows are not for the other tests' relay passes
        jdbc.sql("update outbox_event set sent_at = now() where aggregateid = :h").param("h", household.toString()).update();
    }

    private double signalsCounted() {
        var counter = meters.find(fushun.platform.metrics.SignalMetrics.PUBLISHED)
                .tags("bureau", "HOUSING", "risk_type", "UNSAFE_HOUSING").counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void shouldChangeStateOnceWhenSameEventDeliveredTwice() throws Exception {
        EventEnvelope<HouseholdRegistered> twice = Events.envelope(Events.household(UUID.randomUUID(), "王二"));
        EventEnvelope<HouseholdRegistered> marker = Events.envelope(Events.household(UUID.randomUUID(), "赵三"));

        send(twice);
        send(twice);
        send(marker);

        await().atMost(Duration.ofSeconds(30)).until(() -> appliedCount(marker.data().householdId()) == 1);
        assertThat(appliedCount(twice.data().householdId())).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from inbox_event where event_id = :id")
                .param("id", twice.eventId()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void shouldSendPoisonToDeadLetterTopicAndProcessTheNextMessage() throws Exception {
        String poison = "{ this is not an event";
        EventEnvelope<HouseholdRegistered> next = Events.envelope(Events.household(UUID.randomUUID(), "钱四"));

        kafka.send(PlatformTestApplication.TOPIC, "poison-key", poison).get();
        send(next);

        await().atMost(Duration.ofSeconds(30)).until(() -> appliedCount(next.data().householdId()) == 1);
        List<ConsumerRecord<String, String>> dead = TopicReader.readUntil(broker.getBrokersAsString(),
                PlatformTestApplication.TOPIC + ".DLT", r -> poison.equals(r.value()), Duration.ofSeconds(20));
        ConsumerRecord<String, String> deadLetter = dead.get(dead.size() - 1);
        assertThat(deadLetter.value()).isEqualTo(poison);
        Header error = deadLetter.headers().lastHeader(KafkaHeaders.DLT_EXCEPTION_FQCN);
        assertThat(error).isNotNull();
        assertThat(new String(deadLetter.headers().lastHeader(KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN).value(),
                StandardCharsets.UTF_8)).endsWith("PoisonEventException");
    }

    /** A batch listener applies a poll's records in one transaction: one inbox time for all of them. */
    @Test
    void shouldApplyAPollsRecordsInOneTransactionEachOnce() throws Exception {
        List<EventEnvelope<HouseholdRegistered>> events = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            events.add(Events.envelope(Events.household(UUID.randomUUID(), "批" + i)));
        }

        inOnePoll(() -> {
            for (EventEnvelope<HouseholdRegistered> event : events) {
                kafka.send(PlatformTestApplication.TOPIC, event.key(), codec.write(event));
            }
            kafka.send(PlatformTestApplication.TOPIC, events.get(3).key(), codec.write(events.get(3)));
        });

        await().atMost(Duration.ofSeconds(30)).until(() -> events.stream().allMatch(e -> appliedCount(e.data().householdId()) >= 1));
        assertThat(events).allSatisfy(e -> assertThat(appliedCount(e.data().householdId())).isEqualTo(1));
        assertThat(jdbc.sql("select count(distinct received_at) from inbox_event where event_id in (:ids)")
                .param("ids", events.stream().map(EventEnvelope::eventId).toList()).query(Long.class).single())
                .as("a transaction per poll, not per record (now() is the transaction's start; a resumed"
                        + " consumer may hand the records over in two polls)").isLessThanOrEqualTo(2);
    }

    /**
     * A record that fails in a poll: the batch is applied again one record per transaction, the ones
     * before and after it are applied once, and only it goes to the dead-letter topic.
     */
    @Test
    void shouldDeadLetterOnlyTheFailingRecordOfAPollAndApplyTheOthersOnce() throws Exception {
        List<EventEnvelope<HouseholdRegistered>> good = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            good.add(Events.envelope(Events.household(UUID.randomUUID(), "好" + i)));
        }
        EventEnvelope<HouseholdRegistered> failing = Events.envelope(Events.household(UUID.randomUUID(), "FAIL"));
        String poison = "{ not an event, in a poll " + UUID.randomUUID();

        inOnePoll(() -> {
            for (int i = 0; i < good.size(); i++) {
                if (i == 4) {
                    kafka.send(PlatformTestApplication.TOPIC, failing.key(), codec.write(failing));
                }
                if (i == 7) {
                    kafka.send(PlatformTestApplication.TOPIC, "poison-key", poison);
                }
                kafka.send(PlatformTestApplication.TOPIC, good.get(i).key(), codec.write(good.get(i)));
            }
        });

        await().atMost(Duration.ofSeconds(60)).until(() -> good.stream().allMatch(e -> appliedCount(e.data().householdId()) >= 1));
        assertThat(good).allSatisfy(e -> assertThat(appliedCount(e.data().householdId())).isEqualTo(1));
        List<ConsumerRecord<String, String>> dead = TopicReader.readUntil(broker.getBrokersAsString(),
                PlatformTestApplication.TOPIC + ".DLT", r -> poison.equals(r.value()), Duration.ofSeconds(20));
        assertThat(dead).anyMatch(r -> r.value().contains(failing.eventId().toString()));
        assertThat(dead.stream().filter(r -> poison.equals(r.value())).findFirst().orElseThrow().headers()
                .lastHeader(KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN).value())
                .asString(StandardCharsets.UTF_8).endsWith("PoisonEventException");
        assertThat(appliedCount(failing.data().householdId())).isZero();
        assertThat(jdbc.sql("select count(*) from inbox_event where event_id = :id")
                .param("id", failing.eventId()).query(Long.class).single()).isZero();
    }

    /** Pauses the test listener, runs {@code sends}, flushes, and resumes it: the records arrive in one poll. */
    private void inOnePoll(ThrowingRunnable sends) throws Exception {
        MessageListenerContainer container = listeners.getListenerContainers().stream()
                .filter(c -> List.of(c.getContainerProperties().getTopics()).contains(PlatformTestApplication.TOPIC))
                .findFirst().orElseThrow();
        container.pause();
        await().atMost(Duration.ofSeconds(20)).until(container::isContainerPaused);
        try {
            sends.run();
            kafka.flush();
        } finally {
            container.resume();
        }
    }

    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    /** Only the topic's owner publishes there: an envelope naming another source is not applied. */
    @Test
    void shouldDeadLetterAnEventWhoseSourceIsNotTheTopicsOwner() throws Exception {
        HouseholdRegistered household = Events.household(UUID.randomUUID(), "周六");
        EventEnvelope<HouseholdRegistered> forged = EventEnvelope.of("monitoring", household.householdId().toString(),
                household.divisionCode(), household);
        EventEnvelope<HouseholdRegistered> next = Events.envelope(Events.household(UUID.randomUUID(), "吴七"));

        send(forged);
        send(next);

        await().atMost(Duration.ofSeconds(30)).until(() -> appliedCount(next.data().householdId()) == 1);
        List<ConsumerRecord<String, String>> dead = TopicReader.readUntil(broker.getBrokersAsString(),
                PlatformTestApplication.TOPIC + ".DLT", r -> r.value().contains(forged.eventId().toString()),
                Duration.ofSeconds(20));
        ConsumerRecord<String, String> deadLetter = dead.get(dead.size() - 1);
        assertThat(new String(deadLetter.headers().lastHeader(KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN).value(),
                StandardCharsets.UTF_8)).endsWith("PoisonEventException");
        assertThat(appliedCount(household.householdId())).isZero();
        assertThat(jdbc.sql("select count(*) from inbox_event where event_id = :id")
                .param("id", forged.eventId()).query(Long.class).single()).isZero();
    }

    @Test
    void shouldRetryThenDeadLetterWhenEffectKeepsFailingAndLeaveNoInboxRow() throws Exception {
        EventEnvelope<HouseholdRegistered> failing = Events.envelope(Events.household(UUID.randomUUID(), "FAIL"));
        EventEnvelope<HouseholdRegistered> next = Events.envelope(Events.household(UUID.randomUUID(), "孙五"));

        send(failing);
        send(next);

        await().atMost(Duration.ofSeconds(30)).until(() -> appliedCount(next.data().householdId()) == 1);
        assertThat(appliedCount(failing.data().householdId())).isZero();
        assertThat(jdbc.sql("select count(*) from inbox_event where event_id = :id")
                .param("id", failing.eventId()).query(Long.class).single()).isZero();
        List<ConsumerRecord<String, String>> dead = TopicReader.readUntil(broker.getBrokersAsString(),
                PlatformTestApplication.TOPIC + ".DLT", r -> r.value().contains(failing.eventId().toString()),
                Duration.ofSeconds(20));
        assertThat(dead).anyMatch(r -> r.value().contains(failing.eventId().toString()));
    }

    @Test
    void shouldPublishNothingWhenTransactionRolledBack() {
        HouseholdRegistered rolledBack = Events.household(UUID.randomUUID(), "回滚");
        HouseholdRegistered committed = Events.household(UUID.randomUUID(), "提交");

        try {
            transaction.executeWithoutResult(status -> {
                outbox.append(PlatformTestApplication.TOPIC, rolledBack.householdId().toString(), rolledBack.divisionCode(), rolledBack);
                throw new IllegalStateException("the change fails after the event was written");
            });
        } catch (IllegalStateException expected) {
            // the change and its event are gone together
        }
        transaction.executeWithoutResult(status ->
                outbox.append(PlatformTestApplication.TOPIC, committed.householdId().toString(), committed.divisionCode(), committed));
        relay.publishPending();

        List<ConsumerRecord<String, String>> records = TopicReader.readUntil(broker.getBrokersAsString(),
                PlatformTestApplication.TOPIC, r -> r.value().contains(committed.householdId().toString()), Duration.ofSeconds(20));
        assertThat(records).anyMatch(r -> r.value().contains(committed.householdId().toString()));
        assertThat(records).noneMatch(r -> r.value().contains(rolledBack.householdId().toString()));
        assertThat(jdbc.sql("select count(*) from outbox_event where payload like :p")
                .param("p", "%" + rolledBack.householdId() + "%").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from outbox_event where sent_at is null").query(Long.class).single()).isZero();
    }

    /** Readiness includes the broker: up while it answers, down (with the kind of error only) when it does not. */
    @Test
    void shouldBeReadyOnlyWhileTheBrokerAnswers() {
        assertThat(kafkaReachable.health().getStatus()).isEqualTo(Status.UP);
        MovableClock clock = new MovableClock();
        KafkaReachable nowhere = new KafkaReachable(
                new KafkaAdmin(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9")), clock);
        // a broker's restart is tolerated for a while: the detail says since when
        var blip = nowhere.health();
        assertThat(blip.getStatus()).isEqualTo(Status.UP);
        assertThat(blip.getDetails()).containsKey("unreachableSince");
        clock.set(clock.instant().plusSeconds(61));
        var down = nowhere.health();
        assertThat(down.getStatus()).isEqualTo(Status.DOWN);
        assertThat(down.getDetails().get("error").toString()).doesNotContain("127.0.0.1");
    }

    /** The span that wrote an event goes on in the consumer: the relay sends its context in the record's header. */
    @Test
    void shouldContinueTheWritersTraceInTheConsumer() {
        HouseholdRegistered registered = Events.household(UUID.randomUUID(), "钱四");
        Span request = tracer.nextSpan().name("a request").start();
        try (Tracer.SpanInScope scope = tracer.withSpan(request)) {
            transaction.executeWithoutResult(status -> outbox.append(PlatformTestApplication.TOPIC,
                    registered.householdId().toString(), registered.divisionCode(), registered));
        } finally {
            request.end();
        }
        relay.publishPending();

        String traceId = request.context().traceId();
        List<ConsumerRecord<String, String>> records = TopicReader.readUntil(broker.getBrokersAsString(),
                PlatformTestApplication.TOPIC, r -> r.key().equals(registered.householdId().toString()), Duration.ofSeconds(20));
        Header traceparent = records.get(records.size() - 1).headers().lastHeader("traceparent");
        assertThat(traceparent).as("the record's trace context").isNotNull();
        assertThat(new String(traceparent.value(), StandardCharsets.US_ASCII)).startsWith("00-" + traceId + "-");
        await().atMost(Duration.ofSeconds(20)).until(() -> HouseholdListener.TRACES.get(registered.householdId()),
                traceId::equals);
    }

    /** A batch's events at once: stored in list order, each row as {@link OutboxWriter#append} writes it. */
    @Test
    void shouldAppendABatchsEventsInListOrderAsAppendWritesEach() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID single = UUID.randomUUID();
        List<OutboxWriter.Pending> events = List.of(
                new OutboxWriter.Pending(first.toString(), "210422100201", Events.household(first, "批0")),
                new OutboxWriter.Pending(second.toString(), "210422100201", Events.household(second, "批1")),
                new OutboxWriter.Pending(first.toString(), "210422100201", Events.household(first, "批2")));
        List<EventEnvelope<Object>> envelopes = transaction.execute(status ->
                outbox.appendAll(PlatformTestApplication.TOPIC, events));
        transaction.executeWithoutResult(status -> outbox.append(PlatformTestApplication.TOPIC, single.toString(),
                "210422100201", Events.household(single, "单条")));

        assertThat(jdbc.sql("select event_id from outbox_event where aggregateid in (:a, :b) order by id")
                .param("a", first.toString()).param("b", second.toString()).query(UUID.class).list())
                .containsExactlyElementsOf(envelopes.stream().map(EventEnvelope::eventId).toList());
        assertThat(jdbc.sql("""
                        select count(distinct aggregatetype || ' ' || type || ' ' || topic) from outbox_event
                        where aggregateid in (:a, :b, :c)""")
                .param("a", first.toString()).param("b", second.toString()).param("c", single.toString())
                .query(Long.class).single()).as("the same columns as append's").isEqualTo(1);

        relay.publishPending();
        List<String> heads = TopicReader.readUntil(broker.getBrokersAsString(), PlatformTestApplication.TOPIC,
                        r -> r.value().contains("批2"), Duration.ofSeconds(20)).stream()
                .filter(r -> first.toString().equals(r.key()))
                .map(r -> codec.read(r.value(), HouseholdRegistered.class).data().headName())
                .toList();
        assertThat(heads).containsExactly("批0", "批2");
    }

    @Test
    void shouldKeepOrderPerKeyAndMarkRowsSent() {
        UUID householdId = UUID.randomUUID();
        for (int i = 0; i < 5; i++) {
            HouseholdRegistered version = Events.household(householdId, "版本" + i);
            transaction.executeWithoutResult(status ->
                    outbox.append(PlatformTestApplication.TOPIC, householdId.toString(), version.divisionCode(), version));
        }

        int sent = relay.publishPending();

        assertThat(sent).isGreaterThanOrEqualTo(5);
        List<String> heads = TopicReader.readUntil(broker.getBrokersAsString(), PlatformTestApplication.TOPIC,
                        r -> r.value().contains("版本4"), Duration.ofSeconds(20)).stream()
                .filter(r -> householdId.toString().equals(r.key()))
                .map(r -> codec.read(r.value(), HouseholdRegistered.class).data().headName())
                .toList();
        assertThat(heads).containsExactly("版本0", "版本1", "版本2", "版本3", "版本4");
        assertThat(jdbc.sql("select count(*) from outbox_event where aggregateid = :k and sent_at is not null")
                .param("k", householdId.toString()).query(Long.class).single()).isEqualTo(5);
    }

    private void send(EventEnvelope<?> envelope) throws Exception {
        kafka.send(PlatformTestApplication.TOPIC, envelope.key(), codec.write(envelope)).get();
    }

    private long appliedCount(UUID householdId) {
        return jdbc.sql("select count(*) from applied_effect where household_id = :id")
                .param("id", householdId).query(Long.class).single();
    }
}
