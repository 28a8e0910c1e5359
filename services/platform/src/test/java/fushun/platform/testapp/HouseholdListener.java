package fushun.platform.testapp;

import fushun.contracts.monitoring.HouseholdRegistered;
import fushun.platform.inbox.InboundEvents;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Records each household it hears of; a row per application of the effect. */
@Component
public class HouseholdListener {
    /** The "fix" a test deploys before replaying: from then on a household named FAIL is applied too. */
    public static volatile boolean repaired;

    private final InboundEvents inbound;
    private final JdbcClient jdbc;

    HouseholdListener(InboundEvents inbound, JdbcClient jdbc) {
        this.inbound = inbound;
        this.jdbc = jdbc;
    }

    @KafkaListener(topics = PlatformTestApplication.TOPIC, autoStartup = "${test.listener.auto-startup:true}")
    void on(String json) {
        inbound.applyOnce("test-listener", json, HouseholdRegistered.class, event -> {
            if ("FAIL".equals(event.data().headName()) && !repaired) {
                throw new IllegalStateException("effect refused");
            }
            jdbc.sql("insert into applied_effect (household_id) values (:id)")
                    .param("id", event.data().householdId()).update();
        });
    }
}
