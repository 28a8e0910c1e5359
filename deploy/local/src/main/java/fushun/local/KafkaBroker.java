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
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.Uuid;

/**
 * A single-node Kafka in KRaft mode (broker and controller in one JVM), run from the Kafka jars
 * on this module's classpath. Its log directory is formatted once and kept between starts.
 *
 * <p>Nobody reaches it without a password: clients authenticate with SASL, and an access list per
 * principal says what each may do. The launcher's own principal ({@value #ADMIN}, a super user,
 * SASL/PLAIN with its password in the broker's configuration) creates the topics, one SCRAM
 * principal per service and their access lists at every start (see {@link #secure}).
 */
final class KafkaBroker {

    /** The launcher's principal: topics, principals and access lists. */
    static final String ADMIN = "platform-admin";
    /** The secrets file's name for its password. */
    static final String ADMIN_PASSWORD = "kafka.admin.password";

    private KafkaBroker() {
    }

    static ManagedProcess start(LocalPlatformOptions options, LocalSecrets secrets, String java, String classpath,
                                Path logDir) throws IOException, InterruptedException {
        Path dir = options.dataDir().resolve("kafka");
        Path logs = dir.resolve("logs");
        Files.createDirectories(logs);
        Ports ports = options.ports();
        Properties config = new Properties();
        config.put("process.roles", "broker,controller");
        config.put("node.id", "1");
        config.put("controller.quorum.voters", "1@localhost:" + ports.kafkaController());
        config.put("listeners", "SASL_PLAINTEXT://localhost:" + ports.kafka() + ",CONTROLLER://localhost:" + ports.kafkaController());
        config.put("advertised.listeners", "SASL_PLAINTEXT://localhost:" + ports.kafka());
        config.put("controller.listener.names", "CONTROLLER");
        config.put("listener.security.protocol.map", "SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT");
        config.put("inter.broker.listener.name", "SASL_PLAINTEXT");
        // services: SCRAM (credentials kept in the cluster's metadata); the launcher and the broker
        // itself: PLAIN with the one static user below (KRaft's controller cannot use SCRAM)
        String adminLogin = "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + ADMIN
                + "\" password=\"" + secrets.get(ADMIN_PASSWORD) + "\" user_" + ADMIN + "=\""
                + secrets.get(ADMIN_PASSWORD) + "\";";
        config.put("sasl.enabled.mechanisms", "SCRAM-SHA-512,PLAIN");
        config.put("sasl.mechanism.inter.broker.protocol", "PLAIN");
        config.put("sasl.mechanism.controller.protocol", "PLAIN");
        config.put("listener.name.sasl_plaintext.plain.sasl.jaas.config", adminLogin);
        config.put("listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required;");
        config.put("listener.name.controller.sasl.enabled.mechanisms", "PLAIN");
        config.put("listener.name.controller.plain.sasl.jaas.config", adminLogin);
        config.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        config.put("super.users", "User:" + ADMIN);
        config.put("allow.everyone.if.no.acl.found", "false");
        config.put("log.dirs", logs.toString());
        config.put("num.partitions", "3");
        config.put("auto.create.topics.enable", "false");
        config.put("offsets.topic.replication.factor", "1");
        config.put("transaction.state.log.replication.factor", "1");
        config.put("transaction.state.log.min.isr", "1");
        config.put("group.initial.rebalance.delay.ms", "0");
        config.put("log.retention.hours", "168");
        Path properties = dir.resolve("server.properties");
        LocalSecrets.createPrivateFile(properties); // it holds the launcher's password
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

    /** A client's settings to sign in as this principal (SCRAM; PLAIN for the launcher's). */
    static Map<String, Object> login(String principal, String password) {
        String mechanism = ADMIN.equals(principal) ? "PLAIN" : "SCRAM-SHA-512";
        String module = ADMIN.equals(principal) ? "org.apache.kafka.common.security.plain.PlainLoginModule"
                : "org.apache.kafka.common.security.scram.ScramLoginModule";
        return Map.of("security.protocol", "SASL_PLAINTEXT", "sasl.mechanism", mechanism,
                "sasl.jaas.config", module + " required username=\"" + principal + "\" password=\"" + password + "\";");
    }

    /**
     * Waits until the broker answers, then creates the topic catalogue (existing topics are kept),
     * a SCRAM principal per service (password from the secrets) and its access lists: write on
     * its own topics ({@code <service>.}), read on what it consumes, read and write on those topics'
     * dead-letter topics, its consumer group. Nothing else: a service cannot publish as another,
     * and a grant the plan no longer holds is removed.
     */
    static void secure(String bootstrap, LocalSecrets secrets, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        Map<String, Object> config = new java.util.HashMap<>(login(ADMIN, secrets.get(ADMIN_PASSWORD)));
        config.putAll(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000));
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
                List<UserScramCredentialAlteration> principals = new ArrayList<>();
                List<AclBinding> acls = new ArrayList<>();
                for (String service : Topics.services()) {
                    principals.add(new UserScramCredentialUpsertion(service,
                            new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192), secrets.get(passwordKey(service))));
                    acls.addAll(accessList(service));
                }
                admin.alterUserScramCredentials(principals).all().get();
                admin.createAcls(acls).all().get();
                // a grant the plan no longer has (a topic a service stopped consuming) goes
                List<AclBindingFilter> stale = new ArrayList<>();
                for (AclBinding granted : admin.describeAcls(AclBindingFilter.ANY).values().get()) {
                    String principal = granted.entry().principal();
                    if (principal.startsWith("User:") && Topics.services().contains(principal.substring(5))
                            && !acls.contains(granted)) {
                        stale.add(granted.toFilter());
                    }
                }
                if (!stale.isEmpty()) {
                    admin.deleteAcls(stale).all().get();
                }
                return;
            } catch (Exception e) {
                last = new IllegalStateException("Kafka not ready at " + bootstrap, e);
                Thread.sleep(1000);
            }
        }
        throw last != null ? last : new IllegalStateException("Kafka not ready at " + bootstrap);
    }

    static String passwordKey(String service) {
        return "kafka." + service + ".password";
    }

    /** What one service's principal may do on the bus, and nothing more. */
    static List<AclBinding> accessList(String service) {
        String principal = "User:" + service;
        List<AclBinding> acls = new ArrayList<>();
        acls.add(allow(new ResourcePattern(ResourceType.TOPIC, service + ".", PatternType.PREFIXED), principal,
                AclOperation.WRITE));
        for (String topic : Topics.consumedBy(service)) {
            acls.add(allow(new ResourcePattern(ResourceType.TOPIC, topic, PatternType.LITERAL), principal, AclOperation.READ));
            ResourcePattern deadLetters = new ResourcePattern(ResourceType.TOPIC, Topics.deadLetterOf(topic), PatternType.LITERAL);
            acls.add(allow(deadLetters, principal, AclOperation.WRITE));
            // its administrators list and replay its dead letters (records of topics it reads anyway)
            acls.add(allow(deadLetters, principal, AclOperation.READ));
        }
        acls.add(allow(new ResourcePattern(ResourceType.GROUP, service, PatternType.LITERAL), principal, AclOperation.READ));
        return acls;
    }

    private static AclBinding allow(ResourcePattern resource, String principal, AclOperation operation) {
        return new AclBinding(resource, new AccessControlEntry(principal, "*", operation, AclPermissionType.ALLOW));
    }
}
