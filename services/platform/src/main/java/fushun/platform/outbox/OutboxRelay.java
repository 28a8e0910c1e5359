package fushun.platform.outbox;

import fushun.platform.PlatformProperties;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes unsent outbox rows in id order. One relay works at a time per database (an advisory
 * lock), which keeps the order per key even with several instances of a service. A batch is marked
 * sent only after the broker acknowledged all of it (idempotent producer, acks=all); if anything
 * fails the transaction rolls back and the whole batch is tried again on the next pass, so an event
 * may leave twice but never gets lost: consumers de-duplicate by event id.
 */
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    /** Arbitrary constant naming the relay's advisory lock. */
    private static final long RELAY_LOCK = 0x0B0C5E1AL;

    private final JdbcClient jdbc;
    private final KafkaTemplate<String, String> kafka;
    private final TransactionTemplate transaction;
    private final PlatformProperties.Outbox settings;

    public OutboxRelay(JdbcClient jdbc, KafkaTemplate<String, String> kafka, TransactionTemplate transaction,
                       PlatformProperties.Outbox settings) {
        this.jdbc = jdbc;
        this.kafka = kafka;
        this.transaction = transaction;
        this.settings = settings;
    }

    /** Publishes until the outbox is drained or a batch fails. Returns the number of events sent. */
    public int publishPending() {
        int total = 0;
        try {
            int sent;
            do {
                sent = publishBatch();
                total += sent;
            } while (sent == settings.batchSize());
        } catch (RuntimeException e) {
            log.warn("Outbox relay pass failed, the batch stays unsent and is retried: {}", e.toString());
        }
        return total;
    }

    private int publishBatch() {
        Integer sent = transaction.execute(status -> {
            boolean locked = jdbc.sql("select pg_try_advisory_xact_lock(:lock)")
                    .param("lock", RELAY_LOCK).query(Boolean.class).single();
            if (!locked) {
                return 0;
            }
            List<PendingEvent> batch = jdbc.sql("""
                            select id, topic, aggregateid, payload from outbox_event
                            where sent_at is null order by id limit :limit for update skip locked""")
                    .param("limit", settings.batchSize())
                    .query(PendingEvent.class).list();
            if (batch.isEmpty()) {
                return 0;
            }
            List<CompletableFuture<?>> acks = batch.stream()
                    .<CompletableFuture<?>>map(e -> kafka.send(new ProducerRecord<>(e.topic(), e.aggregateid(), e.payload())))
                    .toList();
            kafka.flush();
            try {
                CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                        .get(settings.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("broker did not acknowledge the batch", e);
            }
            Long[] ids = batch.stream().map(PendingEvent::id).toArray(Long[]::new);
            jdbc.sql("update outbox_event set sent_at = now() where id = any(:ids)")
                    .param("ids", ids).update();
            return batch.size();
        });
        return sent == null ? 0 : sent;
    }

    record PendingEvent(long id, String topic, String aggregateid, String payload) {
    }

    /** The scheduled trigger, a bean of its own so tests can run without it. */
    public static class Schedule {
        private final OutboxRelay relay;

        public Schedule(OutboxRelay relay) {
            this.relay = relay;
        }

        @Scheduled(fixedDelayString = "${platform.outbox.relay-interval:250ms}")
        public void relay() {
            relay.publishPending();
        }
    }
}
