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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SortedSet;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.AcknowledgingConsumerAwareMessageListener;
import org.springframework.kafka.listener.BatchAcknowledgingConsumerAwareMessageListener;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * This service's dead letters: the records its listeners gave up on, found on the dead-letter
 * topics of what it consumes and written by its own consumer group. They are indexed in the
 * service's database (type, key, error, time; never the payload), caught up from the topics before
 * each list, so an administrator pages and counts them in SQL; one or all of a type are replayed
 * after a fix: the record goes through the service's own listener, inbox included, so a record replayed
 * twice is applied once. Every replay is recorded with its outcome.
 */
public class DeadLetters {

    @io.swagger.v3.oas.annotations.media.Schema(name = "DeadLetter", description = "一条死信：所在位置、原主题、事件类型、键、出错原因和时间（不含事件内容）")
    public record DeadLetter(String topic, int partition, long offset, String originalTopic, String type, String key,
                             String error, Instant deadAt, long replays) {
    }

    @io.swagger.v3.oas.annotations.media.Schema(name = "DeadLetterReplay", description = "一次重放的结果：APPLIED（已交回处理）、FAILED（仍然失败，error 说明原因）或 GONE（已过保留期，不在死信主题中）")
    public record Replay(String topic, int partition, long offset, String outcome, String error) {
    }

    private final KafkaListenerEndpointRegistry listeners;
    private final ConsumerFactory<String, String> consumers;
    private final EventCodec codec;
    private final JdbcClient jdbc;
    private final ConsumedRecord consumedRecord;
    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);
    private static final int REPLAY_PAGE = 100;

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
        catchUp();
        return indexed(type, page, size);
    }

    /** A page of the index as it stands. */
    private Page<DeadLetter> indexed(String type, int page, int size) {
        String where = type == null ? "" : " where d.type = :type";
        var count = jdbc.sql("select count(*) from dead_letter d" + where);
        var rows = jdbc.sql("""
                select d.*, (select count(*) from dead_letter_replay r where r.dlt_topic = d.dlt_topic
                             and r.dlt_partition = d.dlt_partition and r.dlt_offset = d.dlt_offset) as replays
                from dead_letter d""" + where
                + " order by d.dead_at, d.dlt_topic, d.dlt_partition, d.dlt_offset limit :size offset :from")
                .param("size", size).param("from", (long) page * size);
        if (type != null) {
            count = count.param("type", type);
            rows = rows.param("type", type);
        }
        List<DeadLetter> items = rows.query((rs, row) -> new DeadLetter(rs.getString("dlt_topic"), rs.getInt("dlt_partition"),
                rs.getLong("dlt_offset"), rs.getString("original_topic"), rs.getString("type"), rs.getString("event_key"),
                rs.getString("error"), rs.getTimestamp("dead_at").toInstant(), rs.getLong("replays"))).list();
        return new Page<>(items, page, size, count.query(Long.class).single());
    }

    /**
     * Dead letters in the index not yet replayed with success, by the topic their record came on:
     * one grouped count for the metrics (the index as it stands; {@link Schedule} keeps it caught up).
     */
    public Map<String, Long> waitingByTopic() {
        Map<String, Long> waiting = new HashMap<>();
        jdbc.sql("""
                        select d.original_topic, count(*) from dead_letter d
                        where not exists (select 1 from dead_letter_replay r where r.dlt_topic = d.dlt_topic
                                          and r.dlt_partition = d.dlt_partition and r.dlt_offset = d.dlt_offset
                                          and r.outcome = 'APPLIED')
                        group by d.original_topic""")
                .query((rs, n) -> waiting.put(rs.getString(1), rs.getLong(2))).list();
        return waiting;
    }

    /** The topics this service's listeners consume: their dead letters are its own. */
    public SortedSet<String> consumedTopics() {
        TreeSet<String> consumed = new TreeSet<>();
        for (MessageListenerContainer container : listeners.getListenerContainers()) {
            String[] topics = container.getContainerProperties().getTopics();
            if (topics != null) {
                consumed.addAll(List.of(topics));
            }
        }
        return consumed;
    }

    /** Replays one record through its listener; the outcome is recorded and returned. */
    public Replay replay(String topic, int partition, long offset, String actor) {
        return replay(readOne(new TopicPartition(topic, partition), offset), actor);
    }

    /** Replays every dead letter of this event type, in order, a page of the index at a time. */
    public List<Replay> replayAll(String type, String actor) {
        catchUp(); // once: the pages below read the index as it stands
        List<Replay> replays = new ArrayList<>();
        for (int page = 0; ; page++) {
            List<DeadLetter> letters = indexed(type, page, REPLAY_PAGE).items();
            for (DeadLetter letter : letters) {
                try {
                    replays.add(replay(letter.topic(), letter.partition(), letter.offset(), actor));
                } catch (NotFoundException gone) {
                    // deleted by the topic's retention, or a topic this service no longer consumes:
                    // said for this letter, and the others are still replayed
                    replays.add(new Replay(letter.topic(), letter.partition(), letter.offset(), "GONE",
                            gone.getMessage()));
                }
            }
            if (letters.size() < REPLAY_PAGE) {
                return replays;
            }
        }
    }

    private String typeOf(ConsumerRecord<String, String> record) {
        try {
            var header = codec.readHeader(record.value());
            return header == null ? "UNREADABLE" : header.type();
        } catch (RuntimeException unreadable) {
            return "UNREADABLE";
        }
    }

    @SuppressWarnings("unchecked")
    private Replay replay(ConsumerRecord<String, String> dead, String actor) {
        String originalTopic = originalTopic(dead);
        MessageListenerContainer container = listeners.getListenerContainers().stream()
                .filter(c -> List.of(c.getContainerProperties().getTopics() == null ? new String[0]
                        : c.getContainerProperties().getTopics()).contains(originalTopic))
                .findFirst().orElseThrow(() -> new NotFoundException("本服务不再消费 " + originalTopic + "。"));
        Object listener = container.getContainerProperties().getMessageListener();
        ConsumerRecord<Object, Object> asDelivered = new ConsumerRecord<>(originalTopic, dead.partition(), dead.offset(),
                dead.key(), dead.value());
        ConsumerRecord<String, String> again = new ConsumerRecord<>(originalTopic, dead.partition(), dead.offset(),
                dead.key(), dead.value());
        String outcome = "APPLIED";
        String error = null;
        try {
            consumedRecord.intercept(asDelivered, null);
            if (listener instanceof BatchAcknowledgingConsumerAwareMessageListener<?, ?> batch) {
                // a batch listener (BatchListeners) gets a batch of one
                ((BatchAcknowledgingConsumerAwareMessageListener<String, String>) batch).onMessage(List.of(again), null, null);
            } else {
                ((AcknowledgingConsumerAwareMessageListener<String, String>) listener).onMessage(again, null, null);
            }
        } catch (RuntimeException e) {
            outcome = "FAILED";
            error = PiiMasking.reason(e, 500);
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

    private DeadLetter describe(ConsumerRecord<String, String> record, long replays) {
        String error = PiiMasking.scrub(header(record, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN) + ": "
                + header(record, KafkaHeaders.DLT_EXCEPTION_MESSAGE));
        return new DeadLetter(record.topic(), record.partition(), record.offset(), originalTopic(record), typeOf(record),
                record.key(), error.length() > 500 ? error.substring(0, 500) : error,
                Instant.ofEpochMilli(record.timestamp()), replays);
    }

    private static String originalTopic(ConsumerRecord<String, String> record) {
        String original = header(record, KafkaHeaders.DLT_ORIGINAL_TOPIC);
        return original != null ? original : record.topic().substring(0, record.topic().length() - Topics.DEAD_LETTER_SUFFIX.length());
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /**
     * Brings the index up to the dead-letter topics' ends: reads each partition from where the last
     * catch-up stopped, a poll at a time (nothing is held but the poll), and forgets what the topics'
     * retention has deleted. Synchronized: one catch-up at a time in this process; another instance
     * catching up at the same time only repeats inserts that are ignored.
     */
    synchronized void catchUp() {
        TreeSet<String> deadTopics = new TreeSet<>();
        for (String topic : consumedTopics()) {
            deadTopics.add(Topics.deadLetterOf(topic));
        }
        if (deadTopics.isEmpty()) {
            return; // a service without listeners (and the schedule every minute) opens no consumer
        }
        try (Consumer<String, String> consumer = reader()) {
            catchUp(consumer, deadTopics);
        } catch (org.apache.kafka.common.KafkaException brokerOut) {
            // the broker out of reach: the index answers as it stands, caught up on the next list
            log.warn("Dead-letter index not caught up, the broker did not answer: {}", brokerOut.getClass().getSimpleName());
        }
    }

    private void catchUp(Consumer<String, String> consumer, TreeSet<String> deadTopics) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : deadTopics) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
            if (infos != null) {
                infos.forEach(i -> partitions.add(new TopicPartition(i.topic(), i.partition())));
            }
        }
        if (partitions.isEmpty()) {
            return;
        }
        consumer.assign(partitions);
        Map<TopicPartition, Long> beginnings = consumer.beginningOffsets(partitions, Duration.ofSeconds(10));
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(10));
        for (TopicPartition partition : partitions) {
            long beginning = beginnings.get(partition);
            jdbc.sql("delete from dead_letter where dlt_topic = :t and dlt_partition = :p and dlt_offset < :o")
                    .param("t", partition.topic()).param("p", partition.partition()).param("o", beginning).update();
            consumer.seek(partition, Math.max(beginning, indexedUpTo(partition)));
        }
        Instant deadline = Instant.now().plusSeconds(30);
        while (!reached(consumer, ends) && Instant.now().isBefore(deadline)) {
            Map<TopicPartition, Long> read = new HashMap<>();
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                if (group.equals(header(record, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP))) {
                    index(record);
                }
                read.put(new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
            }
            read.forEach(this::indexedUpTo);
        }
    }

    private long indexedUpTo(TopicPartition partition) {
        return jdbc.sql("select next_offset from dead_letter_position where dlt_topic = :t and dlt_partition = :p")
                .param("t", partition.topic()).param("p", partition.partition()).query(Long.class).optional().orElse(0L);
    }

    private void indexedUpTo(TopicPartition partition, long next) {
        jdbc.sql("""
                        insert into dead_letter_position (dlt_topic, dlt_partition, next_offset) values (:t, :p, :n)
                        on conflict (dlt_topic, dlt_partition)
                        do update set next_offset = greatest(dead_letter_position.next_offset, excluded.next_offset)""")
                .param("t", partition.topic()).param("p", partition.partition()).param("n", next).update();
    }

    private void index(ConsumerRecord<String, String> record) {
        DeadLetter letter = describe(record, 0);
        String key = letter.key() == null || letter.key().length() <= 250 ? letter.key() : letter.key().substring(0, 250);
        String type = letter.type().length() <= 100 ? letter.type() : "UNREADABLE";
        jdbc.sql("""
                        insert into dead_letter (dlt_topic, dlt_partition, dlt_offset, original_topic, type, event_key, error, dead_at)
                        values (:t, :p, :o, :original, :type, :key, :error, :at)
                        on conflict do nothing""")
                .param("t", letter.topic()).param("p", letter.partition()).param("o", letter.offset())
                .param("original", letter.originalTopic()).param("type", type).param("key", key)
                .param("error", letter.error()).param("at", java.sql.Timestamp.from(letter.deadAt())).update();
    }

    /** The one record at this offset, if it is this service's dead letter. */
    private ConsumerRecord<String, String> readOne(TopicPartition partition, long offset) {
        try (Consumer<String, String> consumer = reader()) {
            consumer.assign(List.of(partition));
            consumer.seek(partition, offset);
            Instant deadline = Instant.now().plusSeconds(10);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() == offset && group.equals(header(record, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP))) {
                        return record;
                    }
                    if (record.offset() >= offset) {
                        throw new NotFoundException("没有这条死信。");
                    }
                }
            }
        } catch (org.apache.kafka.common.KafkaException unknownTopic) {
            // a topic this service's principal may not read, or none at all
        }
        throw new NotFoundException("没有这条死信。");
    }

    /** A consumer that reads without a group's commits (its principal may read the dead-letter topics it writes). */
    private Consumer<String, String> reader() {
        Properties overrides = new Properties();
        overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return consumers.createConsumer(null, null, null, overrides);
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

    /**
     * Catches the index up on a schedule as well, not only before a list: the dead-letter gauge
     * ({@code platform_dead_letters}) then moves when a record is given up, even if nobody looks.
     * A bean of its own so it can be switched off ({@code platform.dead-letters.index-enabled=false}).
     */
    public static class Schedule {
        private final DeadLetters deadLetters;

        public Schedule(DeadLetters deadLetters) {
            this.deadLetters = deadLetters;
        }

        @Scheduled(fixedDelayString = "${platform.dead-letters.index-interval:1m}",
                initialDelayString = "${platform.dead-letters.index-interval:1m}")
        public void catchUp() {
            deadLetters.catchUp();
        }
    }
}
