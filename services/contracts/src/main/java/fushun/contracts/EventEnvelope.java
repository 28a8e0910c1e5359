package fushun.contracts;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What travels on every topic. {@code key} is the aggregate id and also the Kafka record key, so all
 * events of one household stay in order on one partition. {@code data} is one of the event records
 * of this module. {@code traceparent} is kept for version 1's readers and no longer written (null):
 * the W3C trace context travels in the record's {@code traceparent} header.
 */
public record EventEnvelope<T>(
        UUID eventId,
        String type,
        int version,
        String source,
        Instant occurredAt,
        String key,
        String divisionCode,
        String traceparent,
        T data) {

    public EventEnvelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(data, "data");
    }

    /** A new envelope for an event record listed in the {@link EventCatalog}. */
    public static <T> EventEnvelope<T> of(String source, String key, String divisionCode, T data) {
        return of(source, key, divisionCode, data, Instant.now());
    }

    /** The same, occurred at the writer's own time (its clock). */
    public static <T> EventEnvelope<T> of(String source, String key, String divisionCode, T data, Instant occurredAt) {
        EventType type = EventCatalog.typeOf(data.getClass());
        return new EventEnvelope<>(UUID.randomUUID(), type.name(), type.version(), source, occurredAt,
                key, divisionCode, null, data);
    }
}
