package fushun.platform.testsupport;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a topic from the beginning with a throw-away consumer group, for assertions. */
public final class TopicReader {

    private TopicReader() {
    }

    /**
     * Every record the topic holds now: reads from the beginning until each partition's position
     * reaches the end offset taken at the start (the last stable offset, as the reader is
     * read_committed), so a duplicate already written is always seen, with no fixed wait. Fails if
     * the end is not reached within {@code timeout}.
     */
    public static List<ConsumerRecord<String, String>> readToEnd(String bootstrap, String topic, Duration timeout) {
        return readToEnd(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), List.of(topic), timeout);
    }

    /**
     * The same over several topics, with a consumer configured by {@code connection} (the bootstrap
     * servers and, on a secured broker, its login).
     */
    public static List<ConsumerRecord<String, String>> readToEnd(Map<String, Object> connection, List<String> topics,
                                                                 Duration timeout) {
        Map<String, Object> config = new HashMap<>(connection);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<String, String>> seen = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                consumer.partitionsFor(topic, timeout).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            Instant deadline = Instant.now().plus(timeout);
            while (partitions.stream().anyMatch(p -> consumer.position(p, timeout) < end.get(p))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("did not reach the end of " + topics + " within " + timeout);
                }
                consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
            }
        }
        return seen;
    }

    /** All records read until one matches {@code until} or the timeout passes. */
    public static List<ConsumerRecord<String, String>> readUntil(String bootstrap, String topic,
                                                                 Predicate<ConsumerRecord<String, String>> until,
                                                                 Duration timeout) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<String, String>> seen = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plus(timeout);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    seen.add(record);
                    if (until.test(record)) {
                        return seen;
                    }
                }
            }
        }
        return seen;
    }
}
