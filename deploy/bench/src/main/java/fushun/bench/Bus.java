package fushun.bench;

import fushun.contracts.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The harness on the broker, as the launcher's principal: consumer lag of every service's group
 * (the bus has settled when every group has read to the end of what it consumes), a scratch
 * topic for ProducerPerformance, and consumers that read topics without a group.
 */
final class Bus implements AutoCloseable {

    private final Properties login;
    private final Admin admin;

    Bus(Properties login) {
        this.login = login;
        Properties config = new Properties();
        config.putAll(login);
        config.put("request.timeout.ms", "10000");
        config.put("default.api.timeout.ms", "30000");
        this.admin = Admin.create(config);
    }

    /**
     * Records not yet read, per consumer group (a service), over every partition of every topic it
     * consumes; a partition it never committed counts from its start.
     */
    Map<String, Long> lagPerGroup() throws ExecutionException, InterruptedException {
        Map<String, Long> lag = new LinkedHashMap<>();
        Map<TopicPartition, OffsetSpec> wanted = new HashMap<>();
        Map<String, List<TopicPartition>> partitionsOf = new HashMap<>();
        Map<String, Integer> partitionCounts = partitionCounts(Topics.all());
        for (String service : Topics.services()) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : Topics.consumedBy(service)) {
                for (int p = 0; p < partitionCounts.getOrDefault(topic, 0); p++) {
                    TopicPartition tp = new TopicPartition(topic, p);
                    partitions.add(tp);
                    wanted.put(tp, OffsetSpec.latest());
                }
            }
            partitionsOf.put(service, partitions);
        }
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(wanted).all().get();
        for (String service : Topics.services()) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(service)
                    .partitionsToOffsetAndMetadata().get();
            long behind = 0;
            for (TopicPartition tp : partitionsOf.get(service)) {
                OffsetAndMetadata at = committed.get(tp);
                behind += Math.max(0, ends.get(tp).offset() - (at == null ? 0 : at.offset()));
            }
            lag.put(service, behind);
        }
        return lag;
    }

    Map<String, Integer> partitionCounts(Collection<String> topics) throws ExecutionException, InterruptedException {
        Map<String, Integer> counts = new HashMap<>();
        admin.describeTopics(topics).allTopicNames().get().forEach((name, d) -> counts.put(name, d.partitions().size()));
        return counts;
    }

    /** Members of each service's consumer group (two instances: two members sharing the partitions). */
    Map<String, Integer> groupMembers() throws ExecutionException, InterruptedException {
        Map<String, Integer> members = new LinkedHashMap<>();
        admin.describeConsumerGroups(Topics.services()).all().get()
                .forEach((group, d) -> members.put(group, d.members().size()));
        return members;
    }

    void createTopic(String name, int partitions) throws ExecutionException, InterruptedException {
        if (admin.listTopics().names().get().contains(name)) {
            deleteTopic(name);
            Thread.sleep(2000);
        }
        admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get();
    }

    void deleteTopic(String name) throws ExecutionException, InterruptedException {
        if (admin.listTopics().names().get().contains(name)) {
            admin.deleteTopics(Set.of(name)).all().get();
        }
    }

    /** A consumer without a group (the harness assigns partitions itself); reads committed records only. */
    KafkaConsumer<String, String> consumer() {
        Properties config = new Properties();
        config.putAll(login);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(config);
    }

    /** Every partition of these topics. */
    List<TopicPartition> partitions(Collection<String> topics) throws ExecutionException, InterruptedException {
        List<TopicPartition> all = new ArrayList<>();
        partitionCounts(topics).forEach((topic, n) -> {
            for (int p = 0; p < n; p++) {
                all.add(new TopicPartition(topic, p));
            }
        });
        return all;
    }

    static Duration poll() {
        return Duration.ofMillis(200);
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
