package fushun.platform.inbox;

import fushun.contracts.EventCatalog;
import fushun.contracts.EventCodec;
import fushun.contracts.EventEnvelope;
import fushun.contracts.Topics;
import fushun.platform.kafka.PoisonEventException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * What every listener does with a record: read the envelope, pick the events it handles, and apply
 * the effect once, in one transaction with the inbox entry. Unreadable records are poison and go
 * to the dead-letter topic without retries; other failures are retried by the error handler.
 */
public class InboundEvents {

    private final Inbox inbox;
    private final EventCodec codec;
    private final TransactionTemplate transaction;

    public InboundEvents(Inbox inbox, EventCodec codec, TransactionTemplate transaction) {
        this.inbox = inbox;
        this.codec = codec;
        this.transaction = transaction;
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
