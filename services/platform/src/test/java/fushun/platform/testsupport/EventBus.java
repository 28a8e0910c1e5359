package fushun.platform.testsupport;

import fushun.contracts.EventCatalog;
import fushun.contracts.EventCodec;
import fushun.contracts.EventEnvelope;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.core.KafkaTemplate;

/** Publishes events as another service would, and reads what the service under test published. */
public class EventBus {

    private final KafkaTemplate<String, String> kafka;
    private final EventCodec codec;
    private final String bootstrap;

    EventBus(KafkaTemplate<String, String> kafka, EventCodec codec, String bootstrap) {
        this.kafka = kafka;
        this.codec = codec;
        this.bootstrap = bootstrap;
    }

    public void publish(String topic, EventEnvelope<?> envelope) throws Exception {
        kafka.send(topic, envelope.key(), codec.write(envelope)).get();
    }

    /**
     * The first event of this type on {@code topic} with this key, waited for up to 30 seconds, and checked
     * against its contract's schema before it is returned.
     */
    public <T> EventEnvelope<T> awaitEvent(String topic, String key, Class<T> type) {
        return awaitEvent(topic, key, type, data -> true);
    }

    /** As {@link #awaitEvent(String, String, Class)}, the first whose data also matches {@code matching}. */
    public <T> EventEnvelope<T> awaitEvent(String topic, String key, Class<T> type,
                                           java.util.function.Predicate<T> matching) {
        String typeName = EventCatalog.typeOf(type).name();
        java.util.function.Predicate<ConsumerRecord<String, String>> wanted =
                r -> key.equals(r.key()) && typeName.equals(codec.readHeader(r.value()).type())
                        && matching.test(codec.read(r.value(), type).data());
        List<ConsumerRecord<String, String>> records = TopicReader.readUntil(bootstrap, topic, wanted, Duration.ofSeconds(30));
        ConsumerRecord<String, String> found = records.stream().filter(wanted).findFirst()
                .orElseThrow(() -> new AssertionError("no " + typeName + " with key " + key + " on " + topic));
        ContractSchemas.assertConforms(found.value());
        return codec.read(found.value(), type);
    }

    /** The record of this event on {@code topic}'s dead-letter topic, waited for up to 30 seconds. */
    public ConsumerRecord<String, String> awaitDeadLetter(String topic, java.util.UUID eventId) {
        java.util.function.Predicate<ConsumerRecord<String, String>> wanted = r -> r.value().contains(eventId.toString());
        return TopicReader.readUntil(bootstrap, fushun.contracts.Topics.deadLetterOf(topic), wanted, Duration.ofSeconds(30))
                .stream().filter(wanted).findFirst()
                .orElseThrow(() -> new AssertionError("event " + eventId + " not on " + topic + ".DLT"));
    }
}
