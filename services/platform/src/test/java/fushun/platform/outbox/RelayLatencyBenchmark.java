package fushun.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import fushun.contracts.monitoring.HouseholdRegistered;
import fushun.platform.inbox.InboundEvents;
import fushun.platform.testapp.PlatformTestApplication;
import fushun.platform.testsupport.Events;
import fushun.platform.testsupport.TestDatabases;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Not a test: a benchmark of one outbox hop, from the writer's commit to a consumer's receipt of
 * the record, with the relay as every service runs it (its default settings, a real PostgreSQL, a
 * real KRaft broker). A writer commits one event per transaction at {@code bench.rate} events/s
 * (default 100) for {@code bench.seconds} (default 30) after a 5 s warm-up; a plain consumer
 * (fetch.min.bytes 1: the broker answers as soon as a record is there) takes each record's
 * latency. Prints p50/p90/p99/max, then what one record costs a listener through the inbox
 * (envelope read, inbox insert, effect, commit), for ADR 0031's question of batch listeners. Its
 * name keeps it out of the normal test run:
 * {@code ./mvnw -pl services/platform -am verify -Dtest=NONE -Dit.test=RelayLatencyBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false}
 */
@SpringBootTest(classes = PlatformTestApplication.class, properties = {
        "platform.outbox.relay-enabled=true",
        // the hop alone: the test application's own listener does not compete for the database
        "test.listener.auto-startup=false"})
@EmbeddedKafka(partitions = 3, topics = {PlatformTestApplication.TOPIC, PlatformTestApplication.TOPIC + ".DLT"},
        bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class RelayLatencyBenchmark {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestDatabases.newDatabase("platform_relay_bench"));
    }

    @Autowired OutboxWriter outbox;
    @Autowired TransactionTemplate transaction;
    @Autowired EmbeddedKafkaBroker broker;
    @Autowired InboundEvents inbound;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void measureCommitToReceiptOfOneHop() throws Exception {
        int rate = Integer.getInteger("bench.rate", 100);
        int seconds = Integer.getInteger("bench.seconds", 30);
        int warmUp = rate * 5;
        int total = warmUp + rate * seconds;
        Map<String, Long> committedAt = new ConcurrentHashMap<>();
        Histogram latency = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
        CountDownLatch received = new CountDownLatch(total);
        AtomicBoolean reading = new AtomicBoolean(true);

        Thread reader = new Thread(() -> read(committedAt, latency, warmUp, received, reading), "bench-reader");
        reader.start();
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            UUID household = UUID.randomUUID();
            HouseholdRegistered data = Events.household(household, "压测" + i);
            String key = (i < warmUp ? "w:" : "m:") + household;
            transaction.executeWithoutResult(s ->
                    outbox.append(PlatformTestApplication.TOPIC, key, data.divisionCode(), data));
            committedAt.put(key, System.nanoTime());
        }
        double writeSeconds = (System.nanoTime() - start) / 1e9;
        boolean all = received.await(120, TimeUnit.SECONDS);
        reading.set(false);
        reader.join();
        assertThat(all).as("every event received").isTrue();

        System.out.printf("BENCH relay hop: %,d events at %d/s (%.1f s written, warm-up %,d left out), commit -> receipt"
                        + " p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms, mean %.1f ms%n",
                latency.getTotalCount(), rate, writeSeconds, warmUp,
                latency.getValueAtPercentile(50) / 1000.0, latency.getValueAtPercentile(90) / 1000.0,
                latency.getValueAtPercentile(99) / 1000.0, latency.getMaxValue() / 1000.0, latency.getMean() / 1000.0);

        measureInboxApply();
    }

    private void read(Map<String, Long> committedAt, Histogram latency, int warmUp, CountDownLatch received,
                      AtomicBoolean reading) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(PlatformTestApplication.TOPIC));
            while (reading.get()) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(5))) {
                    long now = System.nanoTime();
                    Long committed = committedAt.get(record.key());
                    if (committed == null) {
                        // the consumer saw it before the writer's thread took the time after commit
                        committed = now;
                    }
                    if (record.key().startsWith("m:")) {
                        latency.recordValue(Math.max(0, TimeUnit.NANOSECONDS.toMicros(now - committed)));
                    }
                    received.countDown();
                }
            }
        }
    }

    /** What one record costs a record listener through the inbox: read, inbox insert, effect, commit. */
    private void measureInboxApply() {
        int n = 2_000;
        List<String> records = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            records.add(new fushun.contracts.EventCodec().write(Events.envelope(Events.household(UUID.randomUUID(), "收件" + i))));
        }
        Histogram apply = new Histogram(TimeUnit.SECONDS.toMicros(10), 3);
        for (String json : records) {
            long t0 = System.nanoTime();
            inbound.applyOnce("bench-listener", json, HouseholdRegistered.class, event ->
                    jdbc.sql("insert into applied_effect (household_id) values (:id)")
                            .param("id", event.data().householdId()).update());
            apply.recordValue(TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - t0));
        }
        System.out.printf("BENCH inbox apply (one record, one transaction): %,d records, p50 %.2f ms, p99 %.2f ms,"
                        + " mean %.2f ms: %.0f %% of one listener thread at 100 records/s%n",
                apply.getTotalCount(), apply.getValueAtPercentile(50) / 1000.0, apply.getValueAtPercentile(99) / 1000.0,
                apply.getMean() / 1000.0, apply.getMean() / 1000.0 * 100 / 10);
    }
}
