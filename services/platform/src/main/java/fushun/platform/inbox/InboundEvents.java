package fushun.platform.inbox;

import fushun.contracts.EventCatalog;
import fushun.contracts.EventCodec;
import fushun.contracts.EventEnvelope;
import fushun.contracts.Topics;
import fushun.platform.kafka.PoisonEventException;
import io.micrometer.observation.ObservationRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.micrometer.KafkaListenerObservation;
import org.springframework.kafka.support.micrometer.KafkaRecordReceiverContext;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * What every listener does with a record: read the envelope, pick the events it handles, and apply
 * the effect once, in one transaction with the inbox entry. Unreadable records are poison and go
 * to the dead-letter topic without retries; other failures are retried by the error handler.
 *
 * <p>A batch listener ({@link #dispatchAll}) applies a poll's records in one transaction, and a
 * batch that fails is applied again one record per transaction, so that only the failing record is
 * retried or dead-lettered (ADR 0035).
 */
public class InboundEvents {

    private final Inbox inbox;
    private final EventCodec codec;
    private final TransactionTemplate transaction;
    private final ObservationRegistry observations;
    private final String group;

    public InboundEvents(Inbox inbox, EventCodec codec, TransactionTemplate transaction) {
        this(inbox, codec, transaction, ObservationRegistry.NOOP, "");
    }

    /**
     * @param observations where a batch's records are observed one by one, as the container observes a
     *                     record listener's (a record's trace continues in its effect)
     * @param group        the consumer group, for the observations' tags
     */
    public InboundEvents(Inbox inbox, EventCodec codec, TransactionTemplate transaction, ObservationRegistry observations,
                         String group) {
        this.inbox = inbox;
        this.codec = codec;
        this.transaction = transaction;
        this.observations = observations;
        this.group = group;
    }

    /**
     * Reads the header of a record; throws {@link PoisonEventException} if it is not an envelope,
     * or if it names a source other than the service that owns the topic it came on. The broker
     * lets only that service's principal write the topic, so an envelope claiming another source
     * is forged by the topic's owner, and nobody applies it.
     */
    public EventEnvelope<JsonNode> read(String json) {
        EventEnvelope<JsonNode> envelope;
        try {
            envelope = codec.readHeader(json);
            if (envelope == null) {
                throw new PoisonEventException("empty record");
            }
        } catch (JacksonException | NullPointerException e) {
            throw new PoisonEventException("not a readable event envelope: " + e.getClass().getSimpleName(), e);
        }
        String topic = ConsumedRecord.topic();
        if (topic != null && !Topics.ownerOf(topic).equals(envelope.source())) {
            throw new PoisonEventException("an event claiming source " + envelope.source() + " on " + topic
                    + ", which only " + Topics.ownerOf(topic) + " publishes");
        }
        return envelope;
    }

    /**
     * Applies {@code effect} if the record is an event of {@code dataClass} that this consumer has
     * not applied before. Returns true if it applied it now.
     */
    public <T> boolean applyOnce(String consumer, String json, Class<T> dataClass, Consumer<EventEnvelope<T>> effect) {
        return dispatch(consumer, json, new Handlers().on(dataClass, effect));
    }

    /**
     * For a listener that handles several event types: reads the header once and applies the
     * handler of the record's type, once per consumer. Records of other types are left alone.
     * Returns true if a handler applied the record now.
     */
    public boolean dispatch(String consumer, String json, Handlers handlers) {
        EventEnvelope<JsonNode> header = read(json);
        Handler<?> handler = handlers.byType.get(header.type());
        return handler != null && apply(consumer, json, handler);
    }

    private <T> boolean apply(String consumer, String json, Handler<T> handler) {
        EventEnvelope<T> event = readWhole(json, handler.type());
        Boolean applied = transaction.execute(status -> {
            if (!inbox.firstDelivery(consumer, event.eventId(), event.type())) {
                return false;
            }
            handler.effect().accept(event);
            return true;
        });
        return Boolean.TRUE.equals(applied);
    }

    /**
     * For a batch listener: applies the records of a poll, in order, each once per consumer, in one
     * transaction whose inbox entries are written in one statement. If anything in it fails
     * (an unreadable record, a refused effect, the database), the transaction is rolled back and the
     * records are applied again one per transaction; the first that fails then stops the batch with
     * a {@link BatchListenerFailedException} naming that record, so the error handler commits the records
     * before it, retries or dead-letters that one alone, and delivers the rest again. Returns how many
     * records were applied now.
     */
    public int dispatchAll(String consumer, List<ConsumerRecord<String, String>> records, Handlers handlers) {
        if (records.isEmpty()) {
            return 0;
        }
        try {
            return applyTogether(consumer, records, handlers);
        } catch (RuntimeException batchFailed) {
            int applied = 0;
            for (ConsumerRecord<String, String> record : records) {
                try {
                    if (observed(consumer, record, () -> dispatchOn(record, consumer, handlers))) {
                        applied++;
                    }
                } catch (RuntimeException e) {
                    throw new BatchListenerFailedException(String.valueOf(e.getMessage()), e, record);
                }
            }
            return applied;
        }
    }

    private int applyTogether(String consumer, List<ConsumerRecord<String, String>> records, Handlers handlers) {
        List<Ready<?>> ready = new ArrayList<>(records.size());
        for (ConsumerRecord<String, String> record : records) {
            String previous = ConsumedRecord.swap(record.topic());
            try {
                EventEnvelope<JsonNode> header = read(record.value());
                Handler<?> handler = handlers.byType.get(header.type());
                if (handler != null) {
                    ready.add(Ready.of(record, handler, readWhole(record.value(), handler.type())));
                }
            } finally {
                ConsumedRecord.swap(previous);
            }
        }
        if (ready.isEmpty()) {
            return 0;
        }
        Integer applied = transaction.execute(status -> {
            Set<UUID> first = inbox.firstDeliveries(consumer, ready.stream().map(r -> r.event().eventId()).toList(),
                    ready.stream().map(r -> r.event().type()).toList());
            Set<UUID> done = new HashSet<>();
            int count = 0;
            for (Ready<?> r : ready) {
                if (first.contains(r.event().eventId()) && done.add(r.event().eventId())) {
                    observed(consumer, r.record(), () -> {
                        r.apply();
                        return true;
                    });
                    count++;
                }
            }
            return count;
        });
        return applied == null ? 0 : applied;
    }

    private boolean dispatchOn(ConsumerRecord<String, String> record, String consumer, Handlers handlers) {
        String previous = ConsumedRecord.swap(record.topic());
        try {
            return dispatch(consumer, record.value(), handlers);
        } finally {
            ConsumedRecord.swap(previous);
        }
    }

    /** Runs {@code work} as the container runs a record listener: observed, continuing the record's trace. */
    private <R> R observed(String consumer, ConsumerRecord<String, String> record, java.util.function.Supplier<R> work) {
        return KafkaListenerObservation.LISTENER_OBSERVATION.observation(null,
                KafkaListenerObservation.DefaultKafkaListenerObservationConvention.INSTANCE,
                () -> new KafkaRecordReceiverContext(record, consumer, consumer, group, () -> null), observations)
                .observe(work);
    }

    private record Ready<T>(ConsumerRecord<String, String> record, Handler<T> handler, EventEnvelope<T> event) {

        @SuppressWarnings("unchecked")
        static <T> Ready<T> of(ConsumerRecord<String, String> record, Handler<T> handler, EventEnvelope<?> event) {
            return new Ready<>(record, handler, (EventEnvelope<T>) event);
        }

        void apply() {
            handler.effect().accept(event);
        }
    }

    private record Handler<T>(Class<T> type, Consumer<EventEnvelope<T>> effect) {
    }

    /** A listener's handlers, by event type; build it once and reuse it for every record. */
    public static final class Handlers {

        private final Map<String, Handler<?>> byType = new HashMap<>();

        public <T> Handlers on(Class<T> type, Consumer<EventEnvelope<T>> effect) {
            byType.put(EventCatalog.typeOf(type).name(), new Handler<>(type, effect));
            return this;
        }
    }

    private <T> EventEnvelope<T> readWhole(String json, Class<T> dataClass) {
        try {
            return codec.read(json, dataClass);
        } catch (JacksonException | NullPointerException e) {
            throw new PoisonEventException("event breaks its contract: " + e.getClass().getSimpleName(), e);
        }
    }
}
