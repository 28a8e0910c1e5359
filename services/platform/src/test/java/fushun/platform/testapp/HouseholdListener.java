package fushun.platform.testapp;

import fushun.contracts.monitoring.HouseholdRegistered;
import fushun.platform.inbox.InboundEvents;
import io.micrometer.tracing.Tracer;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Records each household it hears of; a row per application of the effect. */
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

    @KafkaListener(topics = PlatformTestApplication.TOPIC, autoStartup = "${test.listener.auto-startup:true}")
    void on(String json) {
        inbound.applyOnce("test-listener", json, HouseholdRegistered.class, event -> {
            if ("FAIL".equals(event.data().headName()) && !repaired) {
                throw new IllegalStateException("effect refused");
            }
            if (tracer.currentSpan() != null) {
                TRACES.put(event.data().householdId(), tracer.currentSpan().context().traceId());
            }
            jdbc.sql("insert into applied_effect (household_id) values (:id)")
                    .param("id", event.data().householdId()).update();
        });
    }
}
