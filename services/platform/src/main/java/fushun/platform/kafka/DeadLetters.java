package fushun.platform.kafka;

import fushun.contracts.EventCodec;
import fushun.contracts.Topics;
import fushun.platform.inbox.ConsumedRecord;
import fushun.platform.pii.PiiMasking;
import fushun.platform.web.NotFoundException;
import fushun.platform.web.Page;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.AcknowledgingConsumerAwareMessageListener;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * This service's dead letters: the records its listeners gave up on, found on the dead-letter
 * topics of what it consumes and written by its own consumer group. An administrator lists them
 * (type, key, error, time; never the payload), counts them, and replays one or all of a type after
 * a fix: the record goes through the service's own listener, inbox included, so a record replayed
 * twice is applied once. Every replay is recorded with its outcome.
 */
public class DeadLetters {

    public record DeadLetter(String topic, int partition, long offset, String originalTopic, String type, String key,
                             String error, Instant deadAt, long replays) {
    }

    public record Replay(String topic, int partition, long offset, String outcome, String error) {
    }

    private final KafkaListenerEndpointRegistry listeners;
    private final ConsumerFactory<String, String> consumers;
    private final EventCodec codec;
    private final JdbcClient jdbc;
    private final ConsumedRecord consumedRecord;
    private final String group;

    public DeadLetters(KafkaListenerEndpointRegistry listeners, ConsumerFactory<String, String> consumers, EventCodec codec,
                       JdbcClient jdbc, ConsumedRecord consumedRecord, String group) {
        this.listeners = listeners;
        this.consumers = consumers;
        this.codec = codec;
        this.jdbc = jdbc;
        this.consumedRecord = consumedRecord;
        this.group = group;
    }

    public Page<DeadLetter> list(String type, int page, int size) {
        List<DeadLetter> all = new ArrayList<>();
        for (ConsumerRecord<String, String> record : read()) {
            DeadLetter letter = describe(record);
            if (type == null || type.equals(letter.type())) {
                all.add(letter);
            }
        }
        int from = Math.min(all.size(), page * size);
        return new Page<>(all.subList(from, Math.min(all.size(), from + size)), page, size, all.size());
    }

    /** Replays one record through its listener; the outcome is recorded and returned. */
    public Replay replay(String topic, int partition, long offset, String actor) {
        ConsumerRecord<String, String> record = read().stream()
                .filter(r -> r.topic().equals(topic) && r.partition() == partition && r.offset() == offset)
                .findFirst().orElseThrow(() -> new NotFoundException("没有这条死信。"));
        return replay(record, actor);
    }

    /** Replays every dead letter of this event type, in order. */
    public List<Replay> replayAll(String type, String actor) {
        List<Replay> replays = new ArrayList<>();
        for (ConsumerRecord<String, String> record : read()) {
            if (type.equals(describe(record).type())) {
                replays.add(replay(record, actor));
            }
        }
        return replays;
    }

    @SuppressWarnings("unchecked")
    private Replay replay(ConsumerRecord<String, String> dead, String actor) {
        String originalTopic = originalTopic(dead);
        MessageListenerContainer container = listeners.getListenerContainers().stream()
                .filter(c -> List.of(c.getContainerProperties().getTopics() == null ? new String[0]
                        : c.getContainerProperties().getTopics()).contains(originalTopic))
                .findFirst().orElseThrow(() -> new NotFoundException("本服务不再消费 " + originalTopic + "。"));
        var listener = (AcknowledgingConsumerAwareMessageListener<String, String>) container.getContainerProperties()
                .getMessageListener();
        ConsumerRecord<Object, Object> asDelivered = new ConsumerRecord<>(originalTopic, dead.partition(), dead.offset(),
                dead.key(), dead.value());
        String outcome = "APPLIED";
        String error = null;
        try {
            consumedRecord.intercept(asDelivered, null);
            listener.onMessage(new ConsumerRecord<>(originalTopic, dead.partition(), dead.offset(), dead.key(), dead.value()),
                    null, null);
        } catch (RuntimeException e) {
            outcome = "FAILED";
            Throwable cause = e;
            while (cause.getCause() != null && cause.getCause() != cause) {
                cause = cause.getCause();
            }
            error = PiiMasking.scrub(cause.getClass().getSimpleName() + ": " + cause.getMessage());
            error = error.length() > 500 ? error.substring(0, 500) : error;
        } finally {
            consumedRecord.afterRecord(asDelivered, null);
        }
        jdbc.sql("""
                        insert into dead_letter_replay (dlt_topic, dlt_partition, dlt_offset, actor, outcome, error)
                        values (:t, :p, :o, :actor, :outcome, :error)""")
                .param("t", dead.topic()).param("p", dead.partition()).param("o", dead.offset()).param("actor", actor)
                .param("outcome", outcome).param("error", error).update();
        return new Replay(dead.topic(), dead.partition(), dead.offset(), outcome, error);
    }

    private DeadLetter describe(ConsumerRecord<String, String> record) {
        String type;
        try {
            var header = codec.readHeader(record.value());
            type = header == null ? "UNREADABLE" : header.type();
        } catch (RuntimeException unreadable) {
            type = "UNREADABLE";
        }
        String error = PiiMasking.scrub(header(record, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN) + ": "
                + header(record, KafkaHeaders.DLT_EXCEPTION_MESSAGE));
        long replays = jdbc.sql("""
                        select count(*) from dead_letter_replay where dlt_topic = :t and dlt_partition = :p and dlt_offset = :o""")
                .param("t", record.topic()).param("p", record.partition()).param("o", record.offset())
                .query(Long.class).single();
        return new DeadLetter(record.topic(), record.partition(), record.offset(), originalTopic(record), type, record.key(),
                error.length() > 500 ? error.substring(0, 500) : error, Instant.ofEpochMilli(record.timestamp()), replays);
    }

    private static String originalTopic(ConsumerRecord<String, String> record) {
        String original = header(record, KafkaHeaders.DLT_ORIGINAL_TOPIC);
        return original != null ? original : record.topic().substring(0, record.topic().length() - Topics.DEAD_LETTER_SUFFIX.length());
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Every record this service's group dead-lettered, from the dead-letter topics of what it consumes. */
    private List<ConsumerRecord<String, String>> read() {
        TreeSet<String> deadTopics = new TreeSet<>();
        for (MessageListenerContainer container : listeners.getListenerContainers()) {
            String[] topics = container.getContainerProperties().getTopics();
            if (topics != null) {
                for (String topic : topics) {
                    deadTopics.add(Topics.deadLetterOf(topic));
                }
            }
        }
        Properties overrides = new Properties();
        overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (Consumer<String, String> consumer = consumers.createConsumer(null, null, null, overrides)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : deadTopics) {
                List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
                if (infos != null) {
                    infos.forEach(i -> partitions.add(new TopicPartition(i.topic(), i.partition())));
                }
            }
            if (partitions.isEmpty()) {
                return found;
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            Instant deadline = Instant.now().plusSeconds(30);
            while (!reached(consumer, ends) && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (group.equals(header(record, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP))) {
                        found.add(record);
                    }
                }
            }
        }
        return found;
    }

    private static boolean reached(Consumer<String, String> consumer, Map<TopicPartition, Long> ends) {
        Collection<TopicPartition> partitions = ends.keySet();
        for (TopicPartition partition : partitions) {
            if (consumer.position(partition) < ends.get(partition)) {
                return false;
            }
        }
        return true;
    }
}
