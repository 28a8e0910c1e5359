package fushun.local;

import fushun.contracts.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;

/**
 * A single-node Kafka in KRaft mode (broker and controller in one JVM), run from the Kafka jars
 * on this module's classpath. Its log directory is formatted once and kept between starts.
 */
final class KafkaBroker {

    private KafkaBroker() {
    }

    static ManagedProcess start(LocalPlatformOptions options, String java, String classpath, Path logDir)
            throws IOException, InterruptedException {
        Path dir = options.dataDir().resolve("kafka");
        Path logs = dir.resolve("logs");
        Files.createDirectories(logs);
        Ports ports = options.ports();
        Properties config = new Properties();
        config.put("process.roles", "broker,controller");
        config.put("node.id", "1");
        config.put("controller.quorum.voters", "1@localhost:" + ports.kafkaController());
        config.put("listeners", "PLAINTEXT://localhost:" + ports.kafka() + ",CONTROLLER://localhost:" + ports.kafkaController());
        config.put("advertised.listeners", "PLAINTEXT://localhost:" + ports.kafka());
        config.put("controller.listener.names", "CONTROLLER");
        config.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        config.put("inter.broker.listener.name", "PLAINTEXT");
        config.put("log.dirs", logs.toString());
        config.put("num.partitions", "3");
        config.put("auto.create.topics.enable", "false");
        config.put("offsets.topic.replication.factor", "1");
        config.put("transaction.state.log.replication.factor", "1");
        config.put("transaction.state.log.min.isr", "1");
        config.put("group.initial.rebalance.delay.ms", "0");
        config.put("log.retention.hours", "168");
        Path properties = dir.resolve("server.properties");
        try (var out = Files.newOutputStream(properties)) {
            config.store(out, "written by the local platform launcher");
        }
        List<String> jvm = List.of(java, "-Xms128m", "-Xmx512m", "-XX:+UseSerialGC", "-cp", classpath);
        if (!Files.exists(logs.resolve("meta.properties"))) {
            List<String> format = new ArrayList<>(jvm);
            format.addAll(List.of("kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(),
                    "-c", properties.toString()));
            int exit = ManagedProcess.start("kafka-format", format, Map.of(), dir, logDir).waitFor(Duration.ofMinutes(2));
            if (exit != 0) {
                throw new IllegalStateException("formatting Kafka's log directory failed; see " + logDir.resolve("kafka-format.log"));
            }
        }
        List<String> run = new ArrayList<>(jvm);
        run.addAll(List.of("kafka.Kafka", properties.toString()));
        return ManagedProcess.start("kafka", run, Map.of(), dir, logDir);
    }

    /** Waits until the broker answers, then creates the topic catalogue (existing topics are kept). */
    static void awaitAndCreateTopics(String bootstrap, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000);
        RuntimeException last = null;
        while (Instant.now().isBefore(deadline)) {
            try (Admin admin = Admin.create(config)) {
                Set<String> existing = admin.listTopics().names().get();
                List<NewTopic> missing = new ArrayList<>();
                for (String topic : Topics.all()) {
                    if (!existing.contains(topic)) {
                        missing.add(new NewTopic(topic, 3, (short) 1));
                    }
                    if (!existing.contains(Topics.deadLetterOf(topic))) {
                        missing.add(new NewTopic(Topics.deadLetterOf(topic), 1, (short) 1));
                    }
                }
                admin.createTopics(missing).all().get();
                return;
            } catch (Exception e) {
                last = new IllegalStateException("Kafka not ready at " + bootstrap, e);
                Thread.sleep(1000);
            }
        }
        throw last != null ? last : new IllegalStateException("Kafka not ready at " + bootstrap);
    }
}
