package fushun.platform.outbox;

import fushun.platform.PlatformProperties;
import fushun.platform.pii.PiiMasking;
import fushun.platform.tracing.CurrentTrace;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RetriableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes unsent outbox rows in id order. One relay works at a time per database (a session
 * advisory lock held for the pass), which keeps the order per key even with several instances of a
 * service. A pass claims a batch (a plain read: no transaction, no row lock is held while the broker
 * answers), sends it, waits for the acknowledgements (idempotent producer, acks=all), then marks
 * what was acknowledged as sent. A crash between sending and marking sends those events again on
 * the next pass: consumers de-duplicate by event id, so nothing is lost or applied twice.
 *
 * <p>A row the broker refuses for good (too large, say) counts an attempt with its error; after
 * {@code maxAttempts} it is parked and the later rows of its key wait behind it (their order is the
 * key's), while every other key goes on. A refusal the client sees at once (size, serialization)
 * holds the key's later rows back in the same batch too; one the broker sends back later may let
 * the rows already in flight behind it through, as any producer would. An unreachable broker is not the rows' fault: it costs no
 * attempt, and the pass ends to be tried again. Parked rows are listed, retried or discarded by an
 * administrator ({@link OutboxAdmin}).
 *
 * <p>Passes run on the relay's own thread ({@link RelayThread}), woken when a transaction that wrote
 * the outbox commits, in this instance or another ({@link RelayWake}, {@link OutboxNotifications}),
 * with a slow poll as the fallback (docs/adr/0031).
 */
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    /** Arbitrary constant naming the relay's advisory lock. */
    private static final long RELAY_LOCK = 0x0B0C5E1AL;

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final KafkaTemplate<String, String> kafka;
    private final PlatformProperties.Outbox settings;

    public OutboxRelay(DataSource dataSource, JdbcClient jdbc, KafkaTemplate<String, String> kafka,
                       PlatformProperties.Outbox settings) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.kafka = kafka;
        this.settings = settings;
    }

    /** Publishes until the outbox is drained, the broker is unreachable or another relay holds the lock. Returns the number sent. */
    public int publishPending() {
        try (Connection lock = dataSource.getConnection()) {
            if (!advisoryLock(lock, "select pg_try_advisory_lock(?)")) {
                return 0;
            }
            try {
                int total = 0;
                Outcome outcome;
                do {
                    outcome = record(send(claim()));
                    total += outcome.sent();
                } while (outcome.claimed() == settings.batchSize() && !outcome.brokerUnreachable());
                return total;
            } finally {
                advisoryLock(lock, "select pg_advisory_unlock(?)");
            }
        } catch (SQLException | RuntimeException e) {
            log.warn("Outbox relay pass failed, the rows stay unsent and are retried: {}", PiiMasking.scrub(e.toString()));
            return 0;
        }
    }

    private static boolean advisoryLock(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, RELAY_LOCK);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    /** The next rows in id order that are not parked and have no stuck row of their key before them. */
    List<PendingEvent> claim() {
        return jdbc.sql("""
                        select o.id, o.topic, o.aggregateid, o.payload, o.traceparent from outbox_event o
                        where o.sent_at is null and o.parked_at is null
                          and not exists (select 1 from outbox_event b
                                          where b.sent_at is null and (b.parked_at is not null or b.attempts > 0)
                                            and b.topic = o.topic and b.aggregateid = o.aggregateid and b.id < o.id)
                        order by o.id limit :limit""")
                .param("limit", settings.batchSize())
                .query(PendingEvent.class).list();
    }

    /** Sends the rows and waits for the broker's answer to each (at most the send timeout in all). */
    Sent send(List<PendingEvent> batch) {
        Map<PendingEvent, CompletableFuture<?>> acks = new LinkedHashMap<>();
        java.util.Set<String> refusedKeys = new java.util.HashSet<>();
        for (PendingEvent event : batch) {
            String key = event.topic() + '\u0000' + event.aggregateid();
            if (refusedKeys.contains(key)) {
                continue; // an earlier row of its key was refused: it waits behind it, in order
            }
            CompletableFuture<?> ack;
            try {
                ack = kafka.send(event.record());
            } catch (RuntimeException refusedAtOnce) {
                ack = CompletableFuture.failedFuture(refusedAtOnce);
            }
            acks.put(event, ack);
            if (ack.isCompletedExceptionally()) {
                if (isOutage(ack.handle((value, error) -> error).getNow(null))) {
                    break; // the broker is out of reach: the rest stay unsent for the next pass
                }
                refusedKeys.add(key);
            }
        }
        if (!batch.isEmpty()) {
            kafka.flush();
        }
        long deadline = System.nanoTime() + settings.sendTimeout().toNanos();
        List<Long> acknowledged = new ArrayList<>();
        Map<Long, Throwable> refused = new LinkedHashMap<>();
        for (Map.Entry<PendingEvent, CompletableFuture<?>> ack : acks.entrySet()) {
            try {
                ack.getValue().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                acknowledged.add(ack.getKey().id());
            } catch (ExecutionException e) {
                refused.put(ack.getKey().id(), e.getCause() == null ? e : e.getCause());
            } catch (java.util.concurrent.TimeoutException e) {
                refused.put(ack.getKey().id(), new org.apache.kafka.common.errors.TimeoutException("no acknowledgement in time"));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                refused.put(ack.getKey().id(), e);
            }
        }
        return new Sent(batch.size(), acknowledged, refused);
    }

    /** Marks what the broker acknowledged; counts an attempt against each row it refused for good. */
    Outcome record(Sent sent) {
        if (!sent.acknowledged().isEmpty()) {
            jdbc.sql("update outbox_event set sent_at = now(), last_error = null where id = any(:ids)")
                    .param("ids", sent.acknowledged().toArray(Long[]::new)).update();
        }
        boolean unreachable = false;
        for (Map.Entry<Long, Throwable> refusal : sent.refused().entrySet()) {
            if (isOutage(refusal.getValue())) {
                unreachable = true;
                continue;
            }
            String error = PiiMasking.reason(refusal.getValue(), 500);
            jdbc.sql("""
                            update outbox_event set attempts = attempts + 1, last_error = :error, last_attempt_at = now(),
                                   parked_at = case when attempts + 1 >= :max then now() end
                            where id = :id""")
                    .param("error", error)
                    .param("max", settings.maxAttempts()).param("id", refusal.getKey()).update();
            log.warn("Outbox row {} refused by the broker: {}", refusal.getKey(), error);
        }
        return new Outcome(sent.claimed(), sent.acknowledged().size(), unreachable);
    }

    /** The broker out of reach or slow: retried without counting against the row. */
    static boolean isOutage(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof RetriableException || t instanceof InterruptedException) {
                return true;
            }
        }
        return false;
    }

    record PendingEvent(long id, String topic, String aggregateid, String payload, String traceparent) {

        /** The record to send: the writer's trace context in its headers, for the consumer to continue. */
        ProducerRecord<String, String> record() {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, aggregateid, payload);
            if (traceparent != null) {
                record.headers().add(CurrentTrace.HEADER, traceparent.getBytes(StandardCharsets.US_ASCII));
            }
            return record;
        }
    }

    record Sent(int claimed, List<Long> acknowledged, Map<Long, Throwable> refused) {
    }

    record Outcome(int claimed, int sent, boolean brokerUnreachable) {
    }
}
