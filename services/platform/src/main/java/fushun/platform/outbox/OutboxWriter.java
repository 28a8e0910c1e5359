package fushun.platform.outbox;

import fushun.contracts.EventCodec;
import fushun.contracts.EventEnvelope;
import fushun.contracts.bureau.RiskSignalObserved;
import fushun.platform.metrics.SignalMetrics;
import fushun.platform.tracing.CurrentTrace;
import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends an event to the outbox inside the caller's transaction; there must be one. The relays are
 * woken when it commits ({@link RelayWake}: one notification per transaction, whatever its events).
 */
public class OutboxWriter {

    private final JdbcClient jdbc;
    private final EventCodec codec;
    private final String source;
    private final CurrentTrace trace;
    private final SignalMetrics signals;
    private final RelayWake wake;
    private final Clock clock;

    /**
     * @param signals counts the risk signals written here, once committed
     * @param wake    wakes the relays when the transaction commits
     * @param clock   the envelopes' {@code occurredAt}
     */
    public OutboxWriter(JdbcClient jdbc, EventCodec codec, String source, CurrentTrace trace, SignalMetrics signals,
                        RelayWake wake, Clock clock) {
        this.jdbc = jdbc;
        this.codec = codec;
        this.source = source;
        this.trace = trace;
        this.signals = signals;
        this.wake = wake;
        this.clock = clock;
    }

    /**
     * Wraps {@code data} in an envelope (this service as source) and stores it for the relay, with
     * the current span's trace context for the record's headers. Returns the envelope, e.g. for the caller's own records.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public <T> EventEnvelope<T> append(String topic, String key, String divisionCode, T data) {
        EventEnvelope<T> envelope = EventEnvelope.of(source, key, divisionCode, data, clock.instant());
        // Transactions writing events for one key take turns from here to their commit, so outbox
        // ids of one key are in commit order and the relay, which sends in id order, keeps it.
        jdbc.sql("select pg_advisory_xact_lock(hashtext(:key))").param("key", key).query((rs, n) -> 1).list();
        jdbc.sql("""
                        insert into outbox_event (event_id, aggregatetype, aggregateid, type, topic, payload, traceparent)
                        values (:eventId, :aggregateType, :aggregateId, :type, :topic, :payload, :traceparent)""")
                .param("eventId", envelope.eventId())
                .param("aggregateType", aggregateTypeOf(topic))
                .param("aggregateId", key)
                .param("type", envelope.type())
                .param("topic", topic)
                .param("payload", codec.write(envelope))
                .param("traceparent", trace.traceparent())
                .update();
        wake.onCommit();
        if (data instanceof RiskSignalObserved signal) {
            signals.published(signal);
        }
        return envelope;
    }

    /** An event for {@link #appendAll}: its key (the Kafka key), division and data. */
    public record Pending(String key, String divisionCode, Object data) {
    }

    /**
     * Several events of one topic at once, each as {@link #append} writes it, in two statements
     * whatever their number (a batch's signals): the keys' turns taken in one statement, in lock-key
     * order, then the events inserted in list order (the outbox ids follow it).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<EventEnvelope<Object>> appendAll(String topic, List<Pending> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        List<EventEnvelope<Object>> envelopes = events.stream()
                .map(e -> EventEnvelope.of(source, e.key(), e.divisionCode(), e.data(), clock.instant())).toList();
        jdbc.sql("""
                        select pg_advisory_xact_lock(k) from (
                            select distinct hashtext(key) as k from unnest(cast(:keys as text[])) as key order by k offset 0
                        ) as keys""")
                .param("keys", events.stream().map(Pending::key).distinct().toArray(String[]::new))
                .query((rs, n) -> 1).list();
        jdbc.sql("""
                        insert into outbox_event (event_id, aggregatetype, aggregateid, type, topic, payload, traceparent)
                        select e.event_id, :aggregateType, e.key, e.type, :topic, e.payload, :traceparent
                        from unnest(cast(:ids as uuid[]), cast(:keys as varchar[]), cast(:types as varchar[]),
                                    cast(:payloads as text[])) with ordinality as e(event_id, key, type, payload, ord)
                        order by e.ord""")
                .param("ids", envelopes.stream().map(e -> e.eventId().toString()).toArray(String[]::new))
                .param("keys", events.stream().map(Pending::key).toArray(String[]::new))
                .param("types", envelopes.stream().map(EventEnvelope::type).toArray(String[]::new))
                .param("payloads", envelopes.stream().map(codec::write).toArray(String[]::new))
                .param("aggregateType", aggregateTypeOf(topic))
                .param("topic", topic)
                .param("traceparent", trace.traceparent())
                .update();
        wake.onCommit();
        for (Pending e : events) {
            if (e.data() instanceof RiskSignalObserved signal) {
                signals.published(signal);
            }
        }
        return envelopes;
    }

    /** {@code monitoring.risk-alert.v1} is about the aggregate {@code monitoring.risk-alert}. */
    static String aggregateTypeOf(String topic) {
        int lastDot = topic.lastIndexOf('.');
        return lastDot > 0 ? topic.substring(0, lastDot) : topic;
    }
}
