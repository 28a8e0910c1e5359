package fushun.platform.testapp;

import fushun.contracts.monitoring.HouseholdRegistered;
import fushun.platform.inbox.InboundEvents;
import io.micrometer.tracing.Tracer;
import fushun.platform.kafka.BatchListeners;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Records each household it hears of; a row per application of the effect. A batch listener, as the
 * services' busiest consumers are: the platform's tests of the inbox, dead letters, replay and traces
 * run through {@link InboundEvents#dispatchAll}.
 */
@Component
public class HouseholdListener {
    /** The "fix" a test deploys before replaying: from then on a household named FAIL is applied too. */
    public static volatile boolean repaired;
    /** The trace id each household's effect ran in. */
    public static final Map<UUID, String> TRACES = new ConcurrentHashMap<>();

    private final InboundEvents inbound;
    private final JdbcClient jdbc;
    private final Tracer tracer;

    HouseholdListener(InboundEvents inbound, JdbcClient jdbc, Tracer tracer) {
        this.inbound = inbound;
        this.jdbc = jdbc;
        this.tracer = tracer;
    }

    private final InboundEvents.Handlers handlers = new InboundEvents.Handlers()
            .on(HouseholdRegistered.class, event -> apply(event.data()));

    private void apply(HouseholdRegistered household) {
        if ("FAIL".equals(household.headName()) && !repaired) {
            throw new IllegalStateException("effect refused");
        }
        if (tracer.currentSpan() != null) {
            TRACES.put(household.householdId(), tracer.currentSpan().context().traceId());
        }
        jdbc.sql("insert into applied_effect (household_id) values (:id)").param("id", household.householdId()).update();
    }

    @KafkaListener(topics = PlatformTestApplication.TOPIC, autoStartup = "${test.listener.auto-startup:true}",
            containerFactory = BatchListeners.FACTORY)
    void on(List<ConsumerRecord<String, String>> records) {
        inbound.dispatchAll("test-listener", records, handlers);
    }
}
