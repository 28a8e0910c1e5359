package fushun.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fushun.contracts.Topics;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The bus of the running platform refuses what the pen-test did: a client without a password, a
 * wrong password, one service publishing another's event (a forged {@code CaseClosed} from
 * employment's principal onto social assistance's topic), reading a topic it does not consume,
 * joining another service's consumer group. Each refusal comes from the broker itself; the other
 * end-to-end tests show the platform's own flow passing under the same access lists.
 */
@ExtendWith(E2EPlatform.class)
class BusAccessE2EIT {

    private static final String FORGED_CASE_CLOSED = """
            {"id":"00000000-0000-4000-8000-000000000001","type":"CaseClosed","version":1,"source":"social-assistance",
             "data":{"caseId":"00000000-0000-4000-8000-000000000002"}}""";

    private static Map<String, Object> as(String principal, String password) {
        Map<String, Object> config = new HashMap<>(KafkaBroker.login(principal, password));
        config.put("bootstrap.servers", E2EPlatform.platform().bootstrapServers());
        return config;
    }

    private static Map<String, Object> asService(String service) {
        return as(service, E2EPlatform.platform().secrets().get(KafkaBroker.passwordKey(service)));
    }

    private static KafkaProducer<String, String> producer(Map<String, Object> login) {
        Map<String, Object> config = new HashMap<>(login);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    private static KafkaConsumer<String, String> consumer(Map<String, Object> login, String groupId) {
        Map<String, Object> config = new HashMap<>(login);
        if (groupId != null) {
            config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        }
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }

    private static List<Throwable> causes(Throwable thrown) {
        List<Throwable> chain = new java.util.ArrayList<>();
        for (Throwable t = thrown; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }

    @Test
    void shouldRefuseAServicePublishingAnotherServicesEvent() {
        try (KafkaProducer<String, String> employment = producer(asService("employment"))) {
            assertThatThrownBy(() -> employment.send(new ProducerRecord<>(Topics.SOCIAL_ASSISTANCE_MEASURE, "forged",
                    FORGED_CASE_CLOSED)).get(15, TimeUnit.SECONDS))
                    .satisfies(e -> assertThat(causes(e)).hasAtLeastOneElementOfType(TopicAuthorizationException.class));
        }
    }

    @Test
    void shouldLetAServiceReadWhatItConsumesButNotOtherTopics() {
        try (KafkaConsumer<String, String> employment = consumer(asService("employment"), null)) {
            // it consumes the households' topic: reading it (without a group, nothing committed) works
            TopicPartition households = new TopicPartition(Topics.MONITORING_HOUSEHOLD, 0);
            employment.assign(List.of(households));
            employment.seekToBeginning(List.of(households));
            assertThat(employment.position(households)).isGreaterThanOrEqualTo(0);
            // it does not consume social assistance's signals
            TopicPartition signals = new TopicPartition(Topics.SOCIAL_ASSISTANCE_SIGNAL, 0);
            employment.assign(List.of(signals));
            employment.seekToBeginning(List.of(signals));
            assertThatThrownBy(() -> employment.poll(Duration.ofSeconds(10))).isInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void shouldRefuseJoiningAnotherServicesConsumerGroup() {
        try (KafkaConsumer<String, String> employment = consumer(asService("employment"), "social-assistance")) {
            employment.subscribe(List.of(Topics.MONITORING_HOUSEHOLD));
            assertThatThrownBy(() -> employment.poll(Duration.ofSeconds(10))).isInstanceOf(GroupAuthorizationException.class);
        }
    }

    @Test
    void shouldRefuseAWrongPasswordAndAClientWithoutOne() throws Exception {
        try (KafkaProducer<String, String> impostor = producer(as("social-assistance", "guessed-password"))) {
            assertThatThrownBy(() -> impostor.send(new ProducerRecord<>(Topics.SOCIAL_ASSISTANCE_MEASURE, "forged",
                    FORGED_CASE_CLOSED)).get(15, TimeUnit.SECONDS))
                    .satisfies(e -> assertThat(causes(e)).hasAtLeastOneElementOfType(SaslAuthenticationException.class));
        }
        // the broker is up and answers a principal with a password (the launcher's) ...
        Map<String, Object> launcher = new HashMap<>(as(KafkaBroker.ADMIN,
                E2EPlatform.platform().secrets().get(KafkaBroker.ADMIN_PASSWORD)));
        try (Admin admin = Admin.create(launcher)) {
            assertThat(admin.listTopics().names().get(15, TimeUnit.SECONDS)).contains(Topics.SOCIAL_ASSISTANCE_MEASURE);
        }
        // ... and nothing to a client without one
        Map<String, Object> plain = Map.of("bootstrap.servers", E2EPlatform.platform().bootstrapServers(),
                "request.timeout.ms", 3000, "default.api.timeout.ms", 6000);
        try (Admin anonymous = Admin.create(plain)) {
            assertThatThrownBy(() -> anonymous.listTopics(new ListTopicsOptions().timeoutMs(6000)).names()
                    .get(15, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
        }
    }
}
