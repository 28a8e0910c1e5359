package fushun.platform;

import static org.assertj.core.api.Assertions.assertThat;

import fushun.contracts.monitoring.HouseholdRegistered;
import fushun.platform.outbox.OutboxRelay;
import fushun.platform.outbox.OutboxWriter;
import fushun.platform.testapp.PlatformTestApplication;
import fushun.platform.testsupport.Events;
import fushun.platform.testsupport.TcpForwarder;
import fushun.platform.testsupport.TestDatabases;
import fushun.platform.testsupport.TopicReader;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Kafka is down while the service writes: the events wait in the outbox and leave, once each,
 * when a broker is back on that address. The configured address is a port nobody listens on at
 * first; "back" is a real broker reached through that port.
 */
@SpringBootTest(classes = PlatformTestApplication.class, properties = {
        "test.listener.auto-startup=false",
        "spring.kafka.admin.auto-create=false"})
class OutboxRelayWhileKafkaDownIT {

    private static final int PORT = freePort();
    private static EmbeddedKafkaKraftBroker broker;
    private static TcpForwarder forwarder;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestDatabases.newDatabase("platform_kafka_down"));
        registry.add("spring.kafka.bootstrap-servers", () -> "localhost:" + PORT);
    }

    @Autowired OutboxWriter outbox;
    @Autowired OutboxRelay relay;
    @Autowired TransactionTemplate transaction;
    @Autowired JdbcClient jdbc;

    @AfterAll
    static void stopBroker() throws IOException {
        if (forwarder != null) {
            forwarder.close();
        }
        if (broker != null) {
            broker.destroy();
        }
    }

    @Test
    void shouldPublishRowsWrittenWhileKafkaWasDownOnceItIsBack() throws IOException {
        List<UUID> households = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            HouseholdRegistered data = Events.household(UUID.randomUUID(), "离线" + i);
            households.add(data.householdId());
            transaction.executeWithoutResult(s ->
                    outbox.append(PlatformTestApplication.TOPIC, data.householdId().toString(), data.divisionCode(), data));
        }

        int sentWhileDown = relay.publishPending();

        assertThat(sentWhileDown).isZero();
        assertThat(unsent()).isEqualTo(3);

        broker = new EmbeddedKafkaKraftBroker(1, 1, PlatformTestApplication.TOPIC);
        broker.afterPropertiesSet();
        int brokerPort = Integer.parseInt(broker.getBrokersAsString().replaceAll(".*:", ""));
        forwarder = new TcpForwarder(PORT, brokerPort);
        int sentWhenBack = 0;
        for (int attempt = 0; attempt < 10 && unsent() > 0; attempt++) {
            sentWhenBack += relay.publishPending();
        }

        assertThat(sentWhenBack).isEqualTo(3);
        assertThat(unsent()).isZero();
        assertThat(relay.publishPending()).isZero();
        List<ConsumerRecord<String, String>> records = TopicReader.readToEnd(broker.getBrokersAsString(),
                PlatformTestApplication.TOPIC, Duration.ofSeconds(30));
        for (UUID household : households) {
            assertThat(records).filteredOn(r -> r.key().equals(household.toString())).hasSize(1);
        }
    }

    private long unsent() {
        return jdbc.sql("select count(*) from outbox_event where sent_at is null").query(Long.class).single();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
