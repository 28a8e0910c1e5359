package fushun.platform.inbox;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.listener.RecordInterceptor;

/**
 * The topic of the record a listener thread is handling, for {@link InboundEvents} to check the
 * envelope's source against the topic's owner. Set by the listener containers' interceptor
 * before the listener runs and cleared after; null outside a listener (a test calling directly).
 */
public final class ConsumedRecord implements RecordInterceptor<Object, Object> {

    private static final ThreadLocal<String> TOPIC = new ThreadLocal<>();

    static String topic() {
        return TOPIC.get();
    }

    /** For a batch listener, which the interceptor does not see: sets the topic, returns the one before. */
    static String swap(String topic) {
        String previous = TOPIC.get();
        if (topic == null) {
            TOPIC.remove();
        } else {
            TOPIC.set(topic);
        }
        return previous;
    }

    @Override
    public ConsumerRecord<Object, Object> intercept(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
        TOPIC.set(record.topic());
        return record;
    }

    @Override
    public void afterRecord(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
        TOPIC.remove();
    }

    @Override
    public void clearThreadState(Consumer<?, ?> consumer) {
        TOPIC.remove();
    }
}
