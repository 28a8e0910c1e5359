package fushun.platform.outbox;

import fushun.contracts.EventCodec;
import fushun.contracts.EventEnvelope;
import fushun.contracts.bureau.RiskSignalObserved;
import fushun.platform.metrics.SignalMetrics;
import fushun.platform.tracing.CurrentTrace;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Appends an event to the outbox inside the caller's transaction; there must be one. */
public class OutboxWriter {

    private final JdbcClient jdbc;
    private final EventCodec codec;
    private final String source;
    private final CurrentTrace trace;
    private final SignalMetrics signals;

    /** @param signals counts the risk signals written here, once committed */
    public OutboxWriter(JdbcClient jdbc, EventCodec codec, String source, CurrentTrace trace, SignalMetrics signals) {
        this.jdbc = jdbc;
        this.codec = codec;
        this.source = source;
        this.trace = trace;
        this.signals = signals;
    }

    /**
     * Wraps {@code data} in an envelope (this service as source) and stores it for the relay, with
     * the current span's trace context for the record's headers. Returns the envelope, e.g. for the caller's own records.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public <T> EventEnvelope<T> append(String topic, String key, String divisionCode, T data) {
        EventEnvelope<T> envelope = EventEnvelope.of(source, key, divisionCode, data);
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
        if (data instanceof RiskSignalObserved signal) {
            signals.published(signal);
        }
        return envelope;
    }

    /** {@code monitoring.risk-alert.v1} is about the aggregate {@code monitoring.risk-alert}. */
    static String aggregateTypeOf(String topic) {
        int lastDot = topic.lastIndexOf('.');
        return lastDot > 0 ? topic.substring(0, lastDot) : topic;
    }
}
